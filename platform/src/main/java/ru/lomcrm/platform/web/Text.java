package ru.lomcrm.platform.web;

/**
 * Characters a person never means to type. Control characters (NUL above all: PostgreSQL cannot
 * store it) and the bidirectional overrides, which turn "#abc" into what reads as "#cba", are
 * refused in any text of a request. In names and tags — what people compare by eye — every
 * invisible format character (zero-width space and joiners, the byte-order mark, a soft hyphen)
 * is refused too: they make two look-alike tags or a look-alike client.
 */
public final class Text {

    private Text() {
    }

    /** A control character other than tab, line feed and carriage return, or a bidirectional override. */
    public static boolean hasForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || isBidiControl(c)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #hasForbidden} or any invisible format character. */
    public static boolean hasInvisible(String text) {
        if (hasForbidden(text)) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.getType(text.charAt(i)) == Character.FORMAT) {
                return true;
            }
        }
        return false;
    }

    /** Refuses a name or a tag with invisible characters, naming the request's field. */
    public static String requireVisible(String text, String field) {
        if (text != null && hasInvisible(text)) {
            throw DomainException.invalid("invisible-characters",
                    "В тексте есть невидимые или управляющие символы — наберите его заново, не копируя.").about(field);
        }
        return text;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
