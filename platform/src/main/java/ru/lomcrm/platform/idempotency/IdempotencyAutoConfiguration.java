package ru.lomcrm.platform.idempotency;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@link IdempotencyFilter} on the services that keep its table ({@code crm.idempotency.enabled}, set by crm-axon-defaults). */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "ru.lomcrm.platform.persistence.ClockAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "crm.idempotency.enabled", havingValue = "true")
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcTemplate jdbc, JsonMapper json, org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, json, clock.getIfAvailable(Clock::systemUTC)));
        registration.addUrlPatterns("/api/*");
        // after Spring Security (-100): the caller is known
        registration.setOrder(0);
        return registration;
    }
}
