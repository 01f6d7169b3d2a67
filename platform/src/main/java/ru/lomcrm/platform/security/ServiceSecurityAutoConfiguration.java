package ru.lomcrm.platform.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import ru.lomcrm.platform.web.ProblemResponses;

/**
 * Every service is an OAuth2 resource server: {@code /api/**} needs a valid Keycloak access
 * token; health, metrics and the OpenAPI document are open (they carry no business data).
 * Realm roles from the {@code roles} claim become {@code ROLE_*} authorities; controllers take
 * a {@link CurrentUser} parameter for ownership checks.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, Jwt.class})
@org.springframework.context.annotation.Import(FirewallRejections.class)
public class ServiceSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookies, so no CSRF
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(RolesClaim.authenticationConverter()))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .build();
    }

    /**
     * Only tokens issued to LomCRM's own clients ({@code azp}): the gateway (browser sessions), the
     * command-line client and the services' account — not a token someone obtained through another
     * client of the realm (e.g. Keycloak's own {@code admin-cli}). Spring Boot adds this validator to
     * the issuer and expiry checks of its JWT decoder.
     */
    @Bean
    OAuth2TokenValidator<Jwt> issuedToCrmClients(@Value("${crm.security.clients:gateway,crm-cli,crm-services}") List<String> clients) {
        return new JwtClaimValidator<String>("azp", clients::contains);
    }

    /** Query values with a NUL character (which PostgreSQL refuses) are rejected at the door with 400. */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall firewall() {
        var firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedParameterValues(value -> value.indexOf('\0') < 0);
        return firewall;
    }

    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler rejectedAsProblem(ProblemResponses problems) {
        return problems::rejected;
    }

    @Bean
    WebMvcConfigurer currentUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserResolver());
            }
        };
    }

    static final class CurrentUserResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == CurrentUser.class;
        }

        @Override
        public CurrentUser resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                           NativeWebRequest request, WebDataBinderFactory binders) {
            if (SecurityContextHolder.getContext().getAuthentication() != null
                    && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof Jwt jwt) {
                return CurrentUser.from(jwt);
            }
            throw new IllegalStateException("No authenticated user for " + parameter);
        }
    }
}
