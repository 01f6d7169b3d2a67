package ru.lomcrm.deal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Injected into command handlers so that tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
