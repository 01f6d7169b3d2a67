package ru.lomcrm.platform.web;

/** The record version a client saw, from {@code If-Match: "<version>"} (null or {@code *}: no check). */
public final class IfMatch {

    private IfMatch() {
    }

    public static Long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(header.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("if-match-invalid", "Заголовок If-Match должен содержать версию записи.").about("If-Match");
        }
    }
}
