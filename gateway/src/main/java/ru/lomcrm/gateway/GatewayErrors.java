package ru.lomcrm.gateway;

import java.net.URI;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Whatever the gateway refuses itself is problem+json with a Russian {@code detail}: unknown
 * addresses (404), wrong methods (405), formats it cannot give or take (406, 415), malformed
 * addresses (400 — bad percent-encodings, encoded slashes, NUL), addresses that are too long
 * (414), a service that is down or slow (503, 504), and its own failures (500).
 */
@Configuration(proxyBeanMethods = false)
class GatewayErrors {

    static final String NOT_FOUND = "Такой страницы или адреса нет — проверьте ссылку.";
    static final String MALFORMED = "Адрес запроса составлен неверно (недопустимые символы или %-последовательности).";

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    /** Before Spring Boot's own handler (order -1), which answers with its default JSON. */
    @Bean
    @Order(-2)
    WebExceptionHandler problemExceptionHandler(Upstreams.BreakerProperties breaker) {
        return (exchange, ex) -> {
            if (exchange.getResponse().isCommitted()) {
                return Mono.error(ex);
            }
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            if (route != null && (Upstreams.isTimeout(ex) || Upstreams.isUnreachable(ex))) {
                return Upstreams.Fallback.failed(exchange, route, ex, breaker.retryAfter());
            }
            if (ex instanceof AuthenticationException) {
                return Problems.unauthorized().commence(exchange, (AuthenticationException) ex);
            }
            if (ex instanceof AccessDeniedException) {
                return Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", Problems.FORBIDDEN);
            }
            if (ex instanceof ResponseStatusException rse) {
                return statusProblem(exchange, rse);
            }
            log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
            return internal(exchange);
        };
    }

    private static Mono<Void> statusProblem(ServerWebExchange exchange, ResponseStatusException e) {
        HttpStatusCode code = e.getStatusCode();
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null || status.is5xxServerError()) {
            log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
            return internal(exchange);
        }
        HttpHeaders extra = e.getHeaders();
        if (e instanceof MethodNotAllowedException m) {
            return Problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "Этот адрес не принимает запросы " + m.getHttpMethod() + ".", headers -> headers.addAll(extra));
        }
        if (e instanceof NotAcceptableStatusException) {
            return Problems.write(exchange, HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                    "Ответ в запрошенном формате (заголовок Accept) дать нельзя: сервер отвечает в JSON.", headers -> headers.addAll(extra));
        }
        if (e instanceof UnsupportedMediaTypeStatusException) {
            return Problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Тело запроса в этом формате (заголовок Content-Type) не принимается: отправляйте JSON.", headers -> headers.addAll(extra));
        }
        if (e instanceof ServerWebInputException) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "bad-request", "Запрос составлен неверно: проверьте его параметры и тело.");
        }
        return switch (status) {
            case NOT_FOUND -> Problems.write(exchange, status, "not-found", NOT_FOUND);
            case UNAUTHORIZED -> Problems.unauthorized().commence(exchange, null);
            case FORBIDDEN -> Problems.write(exchange, status, "forbidden", Problems.FORBIDDEN);
            case PAYLOAD_TOO_LARGE -> Problems.write(exchange, status, "payload-too-large", "Запрос слишком большой.");
            case URI_TOO_LONG -> Problems.write(exchange, status, "uri-too-long", UriLength.DETAIL);
            case BAD_REQUEST -> Problems.write(exchange, status, "bad-request", "Запрос составлен неверно.");
            default -> Problems.write(exchange, status, "request-refused",
                    "Запрос отклонён (" + status.value() + " " + status.getReasonPhrase() + ").", headers -> headers.addAll(extra));
        };
    }

    private static Mono<Void> internal(ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Внутренняя ошибка шлюза. Попробуйте ещё раз; если повторится — сообщите администратору.");
    }

    /** Spring Security's firewall: encoded slashes ({@code %2F}), NUL ({@code %00}), {@code %25}, {@code ..} and the like. */
    @Bean
    ServerExchangeRejectedHandler rejectedAsProblem() {
        return (exchange, e) -> {
            log.debug("Refused by the firewall: {}", e.getMessage());
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "request-rejected", MALFORMED);
        };
    }

    /**
     * Two refusals happen in reactor-netty / Spring's adapter before any filter runs, and they
     * leave the body empty:
     * <ul>
     * <li>a request line longer than netty's limit (414): the limit is raised
     * ({@code server.netty.max-initial-line-length}) so that {@link UriLength} refuses long
     * addresses first, with a body;</li>
     * <li>an address that is no URI at all ({@code /api/deals/%}): Spring's adapter sets 400 and
     * returns without writing; the body is added here.</li>
     * </ul>
     */
    @Bean
    NettyServerCustomizer problemForUnparsableRequests() {
        byte[] body = Problems.body(HttpStatus.BAD_REQUEST, "malformed-request", MALFORMED);
        return server -> server.mapHandle((handled, connection) -> handled.then(Mono.defer(() -> {
            if (connection instanceof HttpServerResponse response && !response.hasSentHeaders()
                    && response.status().code() == HttpResponseStatus.BAD_REQUEST.code()) {
                return response.header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                        .sendByteArray(Mono.just(body)).then();
            }
            return Mono.<Void>empty();
        })));
    }

    @Bean
    WebFilter uriLength(@Value("${crm.gateway.max-uri-length:4096}") int maxLength) {
        return new UriLength(maxLength);
    }

    /** Refuses addresses longer than {@code crm.gateway.max-uri-length} with 414 problem+json (the services behind accept no more). */
    static final class UriLength implements WebFilter, Ordered {

        static final String DETAIL = "Адрес запроса слишком длинный. Сократите его: например, выберите меньше фильтров.";

        private final int maxLength;

        UriLength(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, org.springframework.web.server.WebFilterChain chain) {
            URI uri = exchange.getRequest().getURI();
            String query = uri.getRawQuery();
            int length = (uri.getRawPath() == null ? 0 : uri.getRawPath().length()) + (query == null ? 0 : query.length() + 1);
            if (length > maxLength) {
                return Problems.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long", DETAIL);
            }
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

}
