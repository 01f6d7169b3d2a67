package ru.lomcrm.platform.users;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

@AutoConfiguration
@ConditionalOnClass(RestClient.class)
@ConditionalOnProperty("crm.users.client-secret")
@EnableConfigurationProperties(UserDirectory.UserDirectoryProperties.class)
public class UserDirectoryAutoConfiguration {

    @Bean
    UserDirectory userDirectory(UserDirectory.UserDirectoryProperties properties) {
        return new UserDirectory(RestClient.builder(), properties, Clock.systemUTC());
    }
}
