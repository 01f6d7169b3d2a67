package ru.lomcrm.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Rate limits at the door: per signed-in user (the token's or the session's {@code sub}) and per
 * client IP for requests that are not signed in. Each key gets its own Resilience4j
 * {@link RateLimiter} ({@code limit} requests per {@code period}, so a burst up to {@code limit}
 * is fine); the limiters live in a bounded cache and expire when a key has been quiet a while.
 * Over the limit: 429 problem+json with {@code Retry-After}.
 */
final class RateLimits {

    /** Requests already counted under the client's IP before sign-in was known. */
    private static final String COUNTED = RateLimits.class.getName() + ".counted";

    @ConfigurationProperties("crm.gateway.rate-limit")
    record Properties(Boolean enabled, Limit user, Limit anonymous, Integer maxKeys, Duration idleExpiry) {
        Properties {
            enabled = enabled == null || enabled;
            user = user == null ? new Limit(100, Duration.ofSeconds(2)) : user;
            anonymous = anonymous == null ? new Limit(40, Duration.ofSeconds(2)) : anonymous;
            maxKeys = maxKeys == null ? 100_000 : maxKeys;
            idleExpiry = idleExpiry == null ? Duration.ofMinutes(10) : idleExpiry;
        }
    }

    /** {@code limit} requests per {@code period}. */
    record Limit(int limit, Duration period) {
        RateLimiterConfig config() {
            return RateLimiterConfig.custom().limitForPeriod(limit).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build();
        }
    }

    private final boolean enabled;
    private final RateLimiterConfig userLimit;
    private final RateLimiterConfig anonymousLimit;
    private final Cache<String, RateLimiter> limiters;

    RateLimits(Properties properties) {
        this.enabled = properties.enabled();
        this.userLimit = properties.user().config();
        this.anonymousLimit = properties.anonymous().config();
        this.limiters = Caffeine.newBuilder().maximumSize(properties.maxKeys()).expireAfterAccess(properties.idleExpiry()).build();
    }

    /**
     * Early in the browsers' chain: a request without a session cookie is anonymous, counted
     * under its IP (sign-in redirects, the sign-in callback, health, …).
     */
    WebFilter anonymousRequests() {
        return (exchange, chain) -> {
            if (!enabled || exchange.getRequest().getCookies().containsKey("SESSION")) {
                return chain.filter(exchange);
            }
            exchange.getAttributes().put(COUNTED, Boolean.TRUE);
            return limit(exchange, "ip:" + clientIp(exchange), anonymousLimit).flatMap(allowed -> allowed ? chain.filter(exchange) : Mono.empty());
        };
    }

    /** Just before authorization, when the caller is known: per user; still anonymous → per IP (once). */
    WebFilter knownCallers() {
        return (exchange, chain) -> {
            if (!enabled) {
                return chain.filter(exchange);
            }
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .filter(Authentication::isAuthenticated)
                    .map(RateLimits::userKey)
                    .map(user -> limit(exchange, "user:" + user, userLimit))
                    .switchIfEmpty(Mono.fromSupplier(() -> exchange.getAttributes().containsKey(COUNTED)
                            ? Mono.just(true)
                            : limit(exchange, "ip:" + clientIp(exchange), anonymousLimit)))
                    .flatMap(result -> result)
                    .flatMap(allowed -> allowed ? chain.filter(exchange) : Mono.empty());
        };
    }

    /** {@code true}: go on; {@code false}: the 429 is being written. */
    private Mono<Boolean> limit(ServerWebExchange exchange, String key, RateLimiterConfig config) {
        RateLimiter limiter = limiters.get(key, k -> RateLimiter.of(k, config));
        if (limiter.acquirePermission()) {
            return Mono.just(true);
        }
        long seconds = Math.max(1, (long) Math.ceil(nanosToWait(limiter) / 1e9));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                        "Слишком много запросов подряд. Подождите " + seconds + " с и повторите.",
                        headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)))
                .thenReturn(false);
    }

    private static long nanosToWait(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            return atomic.getDetailedMetrics().getNanosToWait();
        }
        return limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
    }

    private static String userKey(Authentication authentication) {
        Object principal = authentication.getPrincipal();
        if (principal instanceof Jwt jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        if (principal instanceof OidcUser oidc && oidc.getSubject() != null) {
            return oidc.getSubject();
        }
        return authentication.getName();
    }

    /** The client's address (from {@code Forwarded} / {@code X-Forwarded-For} when a proxy in front sets them: forward-headers-strategy framework). */
    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
