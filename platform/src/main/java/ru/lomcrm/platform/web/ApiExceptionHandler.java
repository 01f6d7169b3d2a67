package ru.lomcrm.platform.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service answers is {@code application/problem+json} (RFC 9457) with a
 * {@code detail} a person understands (in Russian) and a stable {@code code}; field errors are
 * listed under {@code errors: [{field, message}]}. Unexpected failures are logged and answered
 * as 500 without internals.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        return ProblemResponses.problem(e);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        var fields = e.errors().stream().map(InvalidRequestException.FieldError::field).distinct().toList();
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "validation-failed",
                "Проверьте поля: " + String.join(", ", fields) + ".");
        problem.setProperty("errors", e.errors().stream().map(err -> Map.of("field", err.field(), "message", err.message())).toList());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Некорректное значение параметра «" + e.getName() + "».");
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "некорректное значение")));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, jakarta.servlet.http.HttpServletResponse response) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // Axon reports a lost connection as an EventStoreException ("already inserted"): the SQLState tells the truth
            if (cause instanceof org.springframework.dao.DataAccessResourceFailureException
                    || cause instanceof org.springframework.transaction.CannotCreateTransactionException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                // the database is away (restarting, failing over): nothing was done, the same request may be sent again
                log.warn("Database unavailable: {}", cause.getMessage());
                ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                        "База данных временно недоступна — ничего не сохранено. Повторите через несколько секунд.");
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                return problem;
            }
            if (cause instanceof org.springframework.dao.DuplicateKeyException) {
                // a uniqueness rule caught a race the pre-check could not see
                return ProblemResponses.problem(HttpStatus.CONFLICT, "duplicate",
                        "Такая запись только что появилась у другого пользователя. Обновите страницу.");
            }
        }
        log.error("Unhandled error", e);
        return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Внутренняя ошибка сервера. Попробуйте ещё раз; если повторится — сообщите администратору.");
    }

    /**
     * What Spring MVC refuses before a controller runs (an unknown path, a method, a media type, a
     * missing parameter, …) comes with English words: the same status, in Russian, with a code.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() != null && problem.getProperties().containsKey("code")) {
            return super.handleExceptionInternal(e, body, headers, status, request);
        }
        String code;
        String detail;
        if (e instanceof org.springframework.web.servlet.resource.NoResourceFoundException) {
            code = "not-found";
            detail = "Такого адреса нет.";
        } else if (e instanceof org.springframework.web.HttpRequestMethodNotSupportedException m) {
            code = "method-not-allowed";
            detail = "Этот адрес не принимает запрос " + m.getMethod() + ".";
        } else if (e instanceof org.springframework.web.HttpMediaTypeNotSupportedException) {
            code = "unsupported-media-type";
            detail = "Тело запроса должно быть JSON (Content-Type: application/json).";
        } else if (e instanceof org.springframework.web.HttpMediaTypeNotAcceptableException) {
            code = "not-acceptable";
            detail = "Ответ бывает только в JSON (Accept: application/json).";
        } else if (e instanceof org.springframework.web.bind.MissingServletRequestParameterException m) {
            code = "parameter-required";
            detail = "Не указан параметр «" + m.getParameterName() + "».";
        } else if (e instanceof org.springframework.web.bind.MissingRequestHeaderException m) {
            code = "header-required";
            detail = "Не указан заголовок «" + m.getHeaderName() + "».";
        } else if (e instanceof org.springframework.web.bind.MissingPathVariableException m) {
            code = "path-variable-required";
            detail = "В адресе не хватает части «" + m.getVariableName() + "».";
        } else if (status.is4xxClientError()) {
            code = "request-refused";
            detail = "Запрос не может быть выполнен: проверьте адрес и данные.";
        } else {
            code = "internal-error";
            detail = "Внутренняя ошибка сервера. Попробуйте ещё раз; если повторится — сообщите администратору.";
        }
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.valueOf(status.value()), code, detail);
        if (e instanceof org.springframework.web.bind.MissingServletRequestParameterException m) {
            problem.setProperty("errors", List.of(Map.of("field", m.getParameterName(), "message", "обязательный параметр")));
        }
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                // a value that did not convert (a date that is not one) has only Spring's English words
                .map(error -> Map.of("field", error.getField(),
                        "message", error.isBindingFailure() || error.getDefaultMessage() == null ? "некорректное значение"
                                : error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "validation-failed",
                "Проверьте поля: " + String.join(", ", errors.stream().map(m -> m.get("field")).toList()) + ".");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", error.getDefaultMessage() == null ? "некорректное значение" : error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "validation-failed", "Некорректные параметры запроса.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(NoControlCharacters.FORBIDDEN)) {
                return ResponseEntity.badRequest().body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "forbidden-characters",
                        "В тексте есть управляющие или невидимые символы — наберите его заново, не копируя."));
            }
            if (cause instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = mismatch.getPath().stream().map(ref -> ref.getPropertyName() != null ? ref.getPropertyName()
                        : String.valueOf(ref.getIndex())).collect(java.util.stream.Collectors.joining("."));
                ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "wrong-type",
                        "Поле «" + field + "»: значение не того вида (например, число вместо текста).");
                problem.setProperty("errors", java.util.List.of(Map.of("field", field, "message", "значение не того вида")));
                return ResponseEntity.badRequest().body(problem);
            }
        }
        return ResponseEntity.badRequest().body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "Тело запроса не читается: ожидается корректный JSON нужной структуры."));
    }
}
