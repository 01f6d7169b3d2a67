package ru.lomcrm.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The browser app (web/, built into {@code classpath:/static}). Its pages live at their own
 * addresses ({@code /deals/<id>}, {@code /tasks}, …) that exist only in the app's router: a
 * browser navigation to any of them gets {@code index.html}, and the app shows the page.
 * Hashed build files under {@code /assets/} never change, so browsers keep them for a year;
 * {@code index.html} is revalidated on every visit, so a new release is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
class WebAppServing implements WebFluxConfigurer {

    static final String INDEX = "/index.html";

    /** Not the app's: the API, the sign-in and sign-out endpoints, and the actuator. */
    private static final List<String> SERVER_PATHS = List.of("/api", "/oauth2", "/login", "/logout", "/actuator", "/assets");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler(INDEX)
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache());
    }

    /**
     * Runs after Spring Security (order -100), so an unauthenticated navigation to a deep link is
     * remembered as that link and the user comes back to it after signing in.
     */
    @Bean
    WebFilter appRoutes() {
        return new AppRoutes();
    }

    static final class AppRoutes implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            ServerHttpRequest request = exchange.getRequest();
            if (isAppPage(request)) {
                return chain.filter(exchange.mutate().request(request.mutate().path(INDEX).build()).build());
            }
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return 0;
        }

        /** A page navigation (GET, wants HTML) to a path of the app, not to a file or a server endpoint. */
        static boolean isAppPage(ServerHttpRequest request) {
            if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
                return false;
            }
            String path = request.getPath().pathWithinApplication().value();
            if (SERVER_PATHS.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
                return false;
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (last.contains(".")) {
                return false; // a file (favicon.ico, index.html, robots.txt): served as it is, or 404
            }
            return request.getHeaders().getAccept().stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        }
    }
}
