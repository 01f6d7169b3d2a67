package ru.lomcrm.platform.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


/** Tag spelling: "#" + lower-case words separated by single spaces, as the manual writes them. */
public final class Tags {

    public static final int MAX_LENGTH = 60;

    private Tags() {
    }

    public static String normalize(String raw) {
        String tag = raw == null ? "" : raw.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        while (tag.startsWith("#")) {
            tag = tag.substring(1).strip();
        }
        if (tag.isEmpty()) {
            throw DomainException.invalid("tag-empty", "Пустой тег.");
        }
        tag = "#" + tag;
        if (tag.length() > MAX_LENGTH) {
            throw DomainException.invalid("tag-too-long", "Тег длиннее " + MAX_LENGTH + " символов.");
        }
        return tag;
    }

    public static Set<String> normalize(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw DomainException.invalid("tags-required", "Укажите хотя бы один тег.");
        }
        Set<String> tags = new LinkedHashSet<>();
        raw.forEach(tag -> tags.add(normalize(tag)));
        return tags;
    }
}
