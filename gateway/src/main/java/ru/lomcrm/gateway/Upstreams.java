package ru.lomcrm.gateway;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The services behind the gateway: each route has a circuit breaker (Spring Cloud CircuitBreaker
 * with Resilience4j) and the HTTP client's connect and response timeouts. A service that is down
 * (connection refused, breaker open) → 503 problem+json naming the service, with
 * {@code Retry-After}; one that does not answer in time → 504 problem+json. The route's metadata
 * {@code service-name} names the service in the person's words («Сервис сделок»).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Upstreams.BreakerProperties.class)
class Upstreams {

    static final String FALLBACK_PATH = "/gateway-fallback";
    static final String SERVICE_NAME = "service-name";

    private static final Logger log = LoggerFactory.getLogger(Upstreams.class);

    /** When a breaker opens, how long it refuses calls before it lets a few through to try. */
    @ConfigurationProperties("crm.gateway.circuit-breaker")
    record BreakerProperties(Integer slidingWindowSize, Integer minimumNumberOfCalls, Float failureRateThreshold,
                             Duration waitInOpenState, Duration retryAfter) {
        BreakerProperties {
            slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
            minimumNumberOfCalls = minimumNumberOfCalls == null ? 10 : minimumNumberOfCalls;
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(20) : waitInOpenState;
            retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        }
    }

    /**
     * No Resilience4j time limiter (its 1 s default would cut a slow report short): the HTTP
     * client's response timeout decides what is too slow, and such a call counts as a failure.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> breakerDefaults(BreakerProperties properties) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(properties.slidingWindowSize())
                        .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                        .failureRateThreshold(properties.failureRateThreshold())
                        .waitDurationInOpenState(properties.waitInOpenState())
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofMinutes(10)).build())
                .build());
    }

    /** Where a route's circuit breaker sends a failed call ({@code fallbackUri: forward:/gateway-fallback}). */
    @RestController
    static final class Fallback {

        private final Duration retryAfter;

        Fallback(BreakerProperties properties) {
            this.retryAfter = properties.retryAfter();
        }

        @RequestMapping(FALLBACK_PATH)
        Mono<Void> fallback(ServerWebExchange exchange) {
            Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            if (route == null) {
                return Problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", GatewayErrors.NOT_FOUND);
            }
            return failed(exchange, route, failure, retryAfter);
        }

        static Mono<Void> failed(ServerWebExchange exchange, Route route, Throwable failure, Duration retryAfter) {
            String service = serviceName(route);
            if (isTimeout(failure)) {
                log.warn("{} did not answer in time: {}", route.getId(), failure.getMessage());
                return Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout",
                        service + " не ответил вовремя. Попробуйте ещё раз чуть позже; если повторится — сообщите администратору.");
            }
            if (failure instanceof CallNotPermittedException) {
                log.debug("{}: circuit breaker open", route.getId());
            } else {
                log.warn("{} is not reachable: {}", route.getId(), failure == null ? "?" : failure.toString());
            }
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    service + " временно недоступен, попробуйте через минуту.",
                    headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds()))));
        }
    }

    static String serviceName(Route route) {
        Object name = route.getMetadata().get(SERVICE_NAME);
        return name == null ? "Сервис «" + route.getId() + "»" : name.toString();
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof ResponseStatusException rse && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return true;
            }
        }
        return false;
    }

    /** The call could not reach the service at all (refused, reset, closed early, breaker open). */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof CallNotPermittedException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof reactor.netty.http.client.PrematureCloseException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
