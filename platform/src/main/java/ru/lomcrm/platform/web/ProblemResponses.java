package ru.lomcrm.platform.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem+json for requests refused before they reach a controller (401, 403). */
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Требуется вход в систему: токен доступа отсутствует, недействителен или просрочен."));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, problem(HttpStatus.FORBIDDEN, "forbidden", "Недостаточно прав для этого действия."));
    }

    /** A request the firewall refused (e.g. a NUL character in a parameter). */
    public void rejected(HttpServletRequest request, HttpServletResponse response,
                         org.springframework.security.web.firewall.RequestRejectedException e) throws IOException {
        write(request, response, problem(HttpStatus.BAD_REQUEST, "request-rejected", "Запрос содержит недопустимые символы."));
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:lomcrm:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }

    /** A domain refusal as problem+json; one that names a field lists it under {@code errors}. */
    public static ProblemDetail problem(DomainException e) {
        ProblemDetail problem = problem(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        if (e.field() != null) {
            problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", e.field(), "message", e.getMessage())));
        }
        return problem;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
