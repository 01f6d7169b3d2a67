package ru.lomcrm.platform.persistence;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.ProblemResponses;

/** Axon's command failures as problem+json: unknown aggregate 404, lost race 409. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AxonExceptionHandler.class);

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Запись не найдена.");
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrent(RuntimeException e) {
        return ProblemResponses.problem(HttpStatus.CONFLICT, "concurrent-modification",
                "Запись только что изменил другой пользователь. Обновите страницу и повторите.");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainException domain) {
            return ProblemResponses.problem(domain);
        }
        if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException) {
            return concurrent((RuntimeException) cause);
        }
        log.error("Command failed", e);
        return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Внутренняя ошибка сервера. Попробуйте ещё раз; если повторится — сообщите администратору.");
    }
}
