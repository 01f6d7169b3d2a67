package ru.lomcrm.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import ru.lomcrm.platform.security.RolesClaim;

/**
 * Two doors. API clients (scripts, integrations, tests) send {@code Authorization: Bearer}:
 * the token is checked here and relayed unchanged — no session, no CSRF. Browsers sign in
 * through Keycloak (authorization code + PKCE) and hold only a session cookie; the gateway
 * relays their access token to the services, and state-changing calls need the CSRF header.
 * An unauthenticated XHR to {@code /api/**} gets 401 (problem+json); a page navigation is sent
 * to the Keycloak login page (in Russian).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String REGISTRATION = "keycloak";

    /**
     * Cross-site request forgery rides on the browser's session cookie; a request without one
     * carries no ambient authority, so it skips the CSRF check and meets authentication (401).
     */
    private static final ServerWebExchangeMatcher CSRF_PROTECTED = exchange ->
            CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange).flatMap(match -> match.isMatch()
                    && exchange.getRequest().getCookies().containsKey("SESSION")
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch());

    @Bean
    @Order(1)
    SecurityWebFilterChain bearerClients(ServerHttpSecurity http) {
        ServerWebExchangeMatcher bearer = exchange -> {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
        return http
                .securityMatcher(bearer)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**").permitAll()
                        .anyExchange().authenticated())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(org.springframework.security.web.server.context.NoOpServerSecurityContextRepository.getInstance())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(RolesClaim.authenticationConverter())))
                        .authenticationEntryPoint(Problems.unauthorized()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain browsers(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations) {
        var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request -> request.additionalParameters(params -> params.put("ui_locales", "ru"))));

        var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

        var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        return http
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/prometheus", "/favicon.ico").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(new AccountActions(authorizationRequests)))
                .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                .exceptionHandling(e -> e.authenticationEntryPoint(browserEntryPoint()))
                .csrf(csrf -> csrf
                        .requireCsrfProtectionMatcher(CSRF_PROTECTED)
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
                .addFilterAfter(writeCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .build();
    }

    /** XHR to the API: 401; anything else: off to the Keycloak login page. */
    private static ServerAuthenticationEntryPoint browserEntryPoint() {
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/api/**"), Problems.unauthorized()));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION));
        return entryPoint;
    }

    /** The CSRF token is created lazily; subscribing makes sure the cookie reaches the browser. */
    private static WebFilter writeCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }

    /** The ID token's {@code roles} claim becomes {@code ROLE_*} authorities for signed-in browsers. */
    @Bean
    GrantedAuthoritiesMapper rolesFromIdToken() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Collection<String> roles = oidc.getIdToken().getClaimAsStringList("roles");
                    (roles == null ? List.<String>of() : roles).forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                }
            }
            return mapped;
        };
    }

    static final class Problems {

        private Problems() {
        }

        static ServerAuthenticationEntryPoint unauthorized() {
            return (exchange, e) -> {
                var response = exchange.getResponse();
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                String body = """
                        {"type":"urn:lomcrm:problem:unauthenticated","title":"Unauthorized","status":401,\
                        "code":"unauthenticated","detail":"Требуется вход в систему: сессия или токен доступа отсутствует, недействителен или просрочен."}""";
                DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
                return response.writeWith(Mono.just(buffer));
            };
        }
    }
}
