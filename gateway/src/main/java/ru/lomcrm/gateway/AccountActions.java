package ru.lomcrm.gateway;

import java.util.Set;

import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The profile page's "Сменить пароль" and "Изменить имя и e-mail": the app opens
 * {@code /oauth2/authorization/keycloak?kc_action=UPDATE_PASSWORD}; Keycloak shows its own form
 * (an application-initiated action) and signs the person back in, and the gateway returns them
 * to the profile page. Only these two actions are passed on.
 */
final class AccountActions implements ServerOAuth2AuthorizationRequestResolver {

    static final String PARAMETER = "kc_action";
    static final Set<String> ALLOWED = Set.of("UPDATE_PASSWORD", "UPDATE_PROFILE");
    static final String RETURN_TO = "/profile";

    private final ServerOAuth2AuthorizationRequestResolver delegate;
    private final ServerRequestCache returnTo = new WebSessionServerRequestCache();

    AccountActions(ServerOAuth2AuthorizationRequestResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return delegate.resolve(exchange).flatMap(request -> withAction(exchange, request));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return delegate.resolve(exchange, clientRegistrationId).flatMap(request -> withAction(exchange, request));
    }

    private Mono<OAuth2AuthorizationRequest> withAction(ServerWebExchange exchange, OAuth2AuthorizationRequest request) {
        String action = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
        if (action == null || !ALLOWED.contains(action)) {
            return Mono.just(request);
        }
        String uri = UriComponentsBuilder.fromUriString(request.getAuthorizationRequestUri()).queryParam(PARAMETER, action).build(true).toUriString();
        OAuth2AuthorizationRequest withAction = OAuth2AuthorizationRequest.from(request)
                .additionalParameters(params -> params.put(PARAMETER, action))
                .authorizationRequestUri(uri)
                .build();
        // back to the profile page afterwards (the login success handler reads the saved request)
        ServerWebExchange profile = exchange.mutate()
                .request(r -> r.path(RETURN_TO).headers(h -> h.setAccept(java.util.List.of(org.springframework.http.MediaType.TEXT_HTML))))
                .build();
        return returnTo.saveRequest(profile).thenReturn(withAction);
    }
}
