package ru.lomcrm.task;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every integration test context of this service (found by component scanning, so they all
 * share one cached context) runs on a {@link MovableClock} instead of platform's system clock.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    MovableClock clock() {
        return new MovableClock();
    }
}
