package ru.lomcrm.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses text with a NUL or another control character, or a bidirectional override, anywhere in a
 * request body ({@link Text#hasForbidden}): PostgreSQL cannot store NUL, and an event accepted with
 * one would stop the projections that must write it (they retry an event until it succeeds). Such
 * a body is answered 400 naming the reason.
 */
public final class NoControlCharacters extends StringDeserializer {

    /** The marker by which the exception handler tells this refusal from other unreadable bodies. */
    static final String FORBIDDEN = "text must not contain control characters or bidirectional overrides";

    public static SimpleModule module() {
        return new SimpleModule("no-nul-characters").addDeserializer(String.class, new NoControlCharacters());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = super.deserialize(parser, context);
        if (value != null && Text.hasForbidden(value)) {
            return (String) context.handleWeirdStringValue(String.class, value, FORBIDDEN);
        }
        return value;
    }
}
