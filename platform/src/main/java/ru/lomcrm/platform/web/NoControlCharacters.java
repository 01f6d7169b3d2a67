package ru.lomcrm.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses text with a NUL character anywhere in a request body: PostgreSQL cannot store it, and
 * an event accepted with one would stop the projections that must write it (they retry an event
 * until it succeeds). Such a body is answered 400 like any unreadable one.
 */
public final class NoControlCharacters extends StringDeserializer {

    public static SimpleModule module() {
        return new SimpleModule("no-nul-characters").addDeserializer(String.class, new NoControlCharacters());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            return (String) context.handleWeirdStringValue(String.class, value, "text must not contain the NUL character");
        }
        return value;
    }
}
