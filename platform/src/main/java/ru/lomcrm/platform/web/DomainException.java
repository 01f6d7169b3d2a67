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
        return new DomainException(status, code, getMessage(), requestField);
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

    /** The request field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
