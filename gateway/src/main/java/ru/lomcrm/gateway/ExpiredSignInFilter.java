package ru.lomcrm.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * When the user's Keycloak session has ended (signed out elsewhere, expired, revoked), the
 * token relay cannot refresh the access token and would answer 500. Instead the gateway drops
 * its own session and answers 401, so the browser app sends the user to sign in again.
 */
@Component
class ExpiredSignInFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSignInFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(OAuth2AuthorizationException.class, e -> {
            log.info("Sign-in no longer valid ({}); dropping the session", e.getError().getErrorCode());
            return exchange.getSession()
                    .flatMap(session -> session.invalidate())
                    .then(Problems.unauthorized().commence(exchange, null));
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
