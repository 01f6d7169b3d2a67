package ru.lomcrm.gateway;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
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
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
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
@org.springframework.boot.context.properties.EnableConfigurationProperties(RateLimits.Properties.class)
class SecurityConfiguration {

    private static final String REGISTRATION = "keycloak";
    private static final String ADMIN = ru.lomcrm.platform.security.Roles.ADMIN;

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
    RateLimits rateLimits(RateLimits.Properties properties) {
        return new RateLimits(properties);
    }

    /**
     * Only tokens issued to LomCRM's own clients ({@code azp}): the gateway, the command-line
     * client and the services' account — as the services check. A token someone obtained through
     * another client of the realm (Keycloak's own {@code admin-cli}, which carries no {@code sub})
     * is refused with 401. Spring Boot adds this validator to the issuer and expiry checks.
     */
    @Bean
    OAuth2TokenValidator<Jwt> issuedToCrmClients(@Value("${crm.security.clients:gateway,crm-cli,crm-services}") List<String> clients) {
        return new JwtClaimValidator<String>("azp", clients::contains);
    }

    /**
     * The web app's Content-Security-Policy: its own scripts only, inline styles (Ant Design),
     * images from itself and data: URLs, and forms (sign-in, sign-out) that post to the gateway
     * or to Keycloak.
     */
    static String contentSecurityPolicy(String keycloakUrl) {
        URI keycloak = URI.create(keycloakUrl);
        String origin = keycloak.getScheme() + "://" + keycloak.getHost() + (keycloak.getPort() < 0 ? "" : ":" + keycloak.getPort());
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; "
                + "form-action 'self' " + origin;
    }

    private static void headers(ServerHttpSecurity http, String csp) {
        http.headers(headers -> headers
                .contentSecurityPolicy(policy -> policy.policyDirectives(csp))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain bearerClients(ServerHttpSecurity http, RateLimits limits, @Value("${crm.keycloak-url}") String keycloakUrl) {
        ServerWebExchangeMatcher bearer = exchange -> {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
        headers(http, contentSecurityPolicy(keycloakUrl));
        return http
                .securityMatcher(bearer)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole(ADMIN)
                        .anyExchange().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(Problems.unauthorized()).accessDeniedHandler(Problems.forbidden()))
                .addFilterBefore(limits.knownCallers(), SecurityWebFiltersOrder.AUTHORIZATION)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(org.springframework.security.web.server.context.NoOpServerSecurityContextRepository.getInstance())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(RolesClaim.authenticationConverter())))
                        .authenticationEntryPoint(Problems.unauthorized())
                        .accessDeniedHandler(Problems.forbidden()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain browsers(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations, RateLimits limits,
                                    @Value("${crm.keycloak-url}") String keycloakUrl) {
        var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request -> request.additionalParameters(params -> params.put("ui_locales", "ru"))));

        var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

        var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        headers(http, contentSecurityPolicy(keycloakUrl));
        return http
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/favicon.ico").permitAll()
                        .pathMatchers("/actuator/**").hasRole(ADMIN)
                        .anyExchange().authenticated())
                .addFilterAfter(limits.anonymousRequests(), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .addFilterBefore(limits.knownCallers(), SecurityWebFiltersOrder.AUTHORIZATION)
                .oauth2Login(login -> login.authorizationRequestResolver(new AccountActions(authorizationRequests)))
                .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                .exceptionHandling(e -> e.authenticationEntryPoint(browserEntryPoint()).accessDeniedHandler(Problems.forbidden()))
                .csrf(csrf -> csrf
                        .accessDeniedHandler(Problems.csrfRefused())
                        .requireCsrfProtectionMatcher(CSRF_PROTECTED)
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
                .addFilterAfter(writeCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .build();
    }

    /** XHR to the API (and the actuator): 401; anything else: off to the Keycloak login page. */
    private static ServerAuthenticationEntryPoint browserEntryPoint() {
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/api/**"), Problems.unauthorized()),
                new DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/actuator/**"), Problems.unauthorized()));
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
}
