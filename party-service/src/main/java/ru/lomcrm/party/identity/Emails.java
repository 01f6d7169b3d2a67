package ru.lomcrm.party.identity;

import java.util.Locale;
import java.util.regex.Pattern;

import ru.lomcrm.platform.web.DomainException;

public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Emails() {
    }

    public static String normalize(String raw, String field) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 200 || !SHAPE.matcher(email).matches()) {
            throw DomainException.invalid("email-invalid", "E-mail «" + raw + "» некорректен.").about(field);
        }
        return email;
    }
}
