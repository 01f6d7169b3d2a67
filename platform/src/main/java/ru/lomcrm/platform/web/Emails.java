package ru.lomcrm.platform.web;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address as identification compares it (rule 5): trimmed, lower case, of the shape name@host.domain. */
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
