package ru.lomcrm.platform.web;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one rule for a note on any card (deal, contact, company): some text, at most {@link #MAX_LENGTH} characters. */
public final class Notes {

    public static final int MAX_LENGTH = 4000;

    private Notes() {
    }

    /** A request to add a note; {@code noteId} is optional: a client that retries sends the same one and the note is added once. */
    public record Body(UUID noteId,
                       @NotBlank(message = "напишите текст примечания") @Size(max = MAX_LENGTH, message = "не длиннее 4000 символов") String text) {
    }

    /** The note's text, trimmed; 422 naming {@code text} when it is empty or too long. */
    public static String text(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("note-empty", "Напишите текст примечания.").about("text");
        }
        if (text.length() > MAX_LENGTH) {
            throw DomainException.invalid("note-too-long", "Примечание длиннее " + MAX_LENGTH + " символов.").about("text");
        }
        return text;
    }
}
