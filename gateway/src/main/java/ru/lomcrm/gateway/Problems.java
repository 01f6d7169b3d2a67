package ru.lomcrm.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal the gateway itself answers: application/problem+json (RFC 9457) shaped like the
 * services' ({@code ProblemResponses}): {@code type urn:lomcrm:problem:<code>}, title, status,
 * a Russian {@code detail} a person understands and a stable {@code code}.
 */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String UNAUTHENTICATED = "Требуется вход в систему: сессия или токен доступа отсутствует, недействителен или просрочен.";
    static final String FORBIDDEN = "Недостаточно прав для этого действия.";
    static final String CSRF = "Сеанс устарел или запрос пришёл не со страницы LomCRM — обновите страницу.";

    private Problems() {
    }

    static byte[] body(HttpStatus status, String code, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:lomcrm:problem:" + code);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("code", code);
        return JSON.writeValueAsBytes(problem);
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        return write(exchange, status, code, detail, headers -> { });
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail, Consumer<HttpHeaders> headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        HttpHeaders responseHeaders = response.getHeaders();
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        responseHeaders.remove(HttpHeaders.CONTENT_LENGTH);
        responseHeaders.remove(HttpHeaders.CONTENT_ENCODING);
        headers.accept(responseHeaders);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body(status, code, detail))));
    }

    static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", UNAUTHENTICATED,
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> write(exchange, HttpStatus.FORBIDDEN, "forbidden", FORBIDDEN);
    }

    /** The CSRF check refused a change: the page is older than the session, or the request came from another site. */
    static ServerAccessDeniedHandler csrfRefused() {
        return (exchange, e) -> write(exchange, HttpStatus.FORBIDDEN, "csrf-token-invalid", CSRF);
    }
}
