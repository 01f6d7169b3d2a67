package ru.lomcrm.platform.web;

/** What a person types into "Поиск и фильтр", turned into SQL search values. */
public final class SearchText {

    private SearchText() {
    }

    /** A LIKE pattern that finds {@code text} anywhere, with LIKE's own wildcards taken literally. */
    public static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The digits of a phone-like text; longer than ten, only the last ten, because "8 (916) 123-45-67"
     * and "+7 916 1234567" are one Russian number.
     */
    public static String phoneDigits(String text) {
        String digits = text.replaceAll("\\D", "");
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }
}
