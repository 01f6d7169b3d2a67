package ru.lomcrm.party.identity;

import ru.lomcrm.platform.web.DomainException;

/** ИНН: 10 digits for an organisation, 12 for a person or sole trader, with check digits. */
public final class Inn {

    private static final int[] TEN = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] ELEVEN = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] TWELVE = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Inn() {
    }

    public static String normalize(String raw, String field) {
        String inn = raw == null ? "" : raw.replaceAll("[\\s-]", "");
        boolean valid = inn.matches("\\d{10}|\\d{12}")
                && (inn.length() == 10 ? check(inn, TEN) == digit(inn, 9)
                        : check(inn, ELEVEN) == digit(inn, 10) && check(inn, TWELVE) == digit(inn, 11));
        if (!valid) {
            throw DomainException.invalid("inn-invalid", "ИНН «" + raw + "» неверен: нужно 10 или 12 цифр с верной контрольной суммой.")
                    .about(field);
        }
        return inn;
    }

    private static int check(String inn, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(inn, i);
        }
        return sum % 11 % 10;
    }

    private static int digit(String inn, int index) {
        return inn.charAt(index) - '0';
    }
}
