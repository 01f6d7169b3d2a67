package ru.lomcrm.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A request the domain refuses, with a message for the person who made it (Russian, as the UI
 * shows it) and a stable English {@code code} for programs. Thrown from command handlers and
 * controllers; answered as {@code application/problem+json} with the given status.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public DomainException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    public DomainException(HttpStatus status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** The same refusal, naming the request field it is about. */
    public DomainException about(String requestField) {
        DomainException copy = new DomainException(status, code, getMessage(), requestField);
        copy.properties.putAll(properties);
        return copy;
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(HttpStatus.NOT_FOUND, code, message);
    }

    public static DomainException forbidden(String code, String message) {
        return new DomainException(HttpStatus.FORBIDDEN, code, message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(HttpStatus.CONFLICT, code, message);
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Adds a machine-readable property to the problem answer (e.g. the existing record's id). */
    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    /** The request field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
