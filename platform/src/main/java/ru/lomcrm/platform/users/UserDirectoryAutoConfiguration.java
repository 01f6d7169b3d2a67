package ru.lomcrm.platform.users;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

import ru.lomcrm.platform.security.Ownership;

@AutoConfiguration
@ConditionalOnClass(RestClient.class)
@ConditionalOnProperty("crm.users.client-secret")
@EnableConfigurationProperties(KeycloakUserDirectory.UserDirectoryProperties.class)
public class UserDirectoryAutoConfiguration {

    @Bean
    UserDirectory userDirectory(KeycloakUserDirectory.UserDirectoryProperties properties) {
        return new KeycloakUserDirectory(RestClient.builder(), properties, Clock.systemUTC());
    }

    @Bean
    Ownership ownership(UserDirectory directory) {
        return new Ownership(directory);
    }
}
