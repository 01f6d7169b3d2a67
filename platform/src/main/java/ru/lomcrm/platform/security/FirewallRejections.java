package ru.lomcrm.platform.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.lomcrm.platform.web.ProblemResponses;

/** The firewall checks parameters when a controller reads them: its refusal is a 400, not a 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FirewallRejections {

    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "request-rejected", "Запрос содержит недопустимые символы.");
    }
}
