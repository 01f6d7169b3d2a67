package ru.lomcrm.platform.web;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

import ru.lomcrm.platform.web.DomainException;

/**
 * Russian phone numbers as people write them ("8 (916) 123-45-67", "+7 916 1234567",
 * "9161234567") to one form, E.164 ("+79161234567"), so that the same number is the same key.
 * libphonenumber knows the numbering plans; a number it calls impossible is refused.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    public static String normalize(String raw, String field) {
        String text = raw == null ? "" : raw.strip();
        String digits = text.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            throw DomainException.invalid("phone-empty", "Пустой номер телефона.").about(field);
        }
        // "8 916 ..." is the domestic form of +7; ten digits starting with 9 are a mobile without the prefix
        if (!text.startsWith("+") && digits.length() == 11 && digits.startsWith("8")) {
            text = "+7" + digits.substring(1);
        } else if (!text.startsWith("+") && digits.length() == 11 && digits.startsWith("7")) {
            text = "+" + digits;
        }
        try {
            var number = UTIL.parse(text, "RU");
            if (!UTIL.isPossibleNumber(number) || !UTIL.isValidNumber(number)) {
                throw DomainException.invalid("phone-invalid", "Номер телефона «" + raw + "» не похож на настоящий.").about(field);
            }
            return UTIL.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw DomainException.invalid("phone-invalid", "Номер телефона «" + raw + "» не распознан.").about(field);
        }
    }
}
