package ru.lomcrm.platform.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tag spelling: "#" + the words as the person wrote them, separated by single spaces ("#склад
 * Подольск" stays so). Two spellings that differ only in case are one tag: {@link #key} is what
 * compares, finds and filters.
 */
public final class Tags {

    public static final int MAX_LENGTH = 60;

    private Tags() {
    }

    public static String normalize(String raw) {
        String tag = raw == null ? "" : Text.requireVisible(raw, "tags").strip().replaceAll("\\s+", " ");
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

    /** What makes two tags the same: the normalised spelling in lower case. */
    public static String key(String tag) {
        return normalize(tag).toLowerCase(Locale.ROOT);
    }

    /** The tags normalised, each once whatever its case (the first spelling wins), in the given order. */
    public static Set<String> normalize(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw DomainException.invalid("tags-required", "Укажите хотя бы один тег.");
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        raw.forEach(tag -> byKey.putIfAbsent(key(tag), normalize(tag)));
        return new LinkedHashSet<>(byKey.values());
    }

    /** The spelling of {@code tag} among {@code present}, compared by {@link #key}; null when it is not there. */
    public static String find(Set<String> present, String tag) {
        String key = key(tag);
        return present.stream().filter(existing -> existing.toLowerCase(Locale.ROOT).equals(key)).findFirst().orElse(null);
    }
}
