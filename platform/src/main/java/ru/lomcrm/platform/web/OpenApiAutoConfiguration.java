package ru.lomcrm.platform.web;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import ru.lomcrm.platform.security.CurrentUser;

/**
 * The OpenAPI document at {@code /v3/api-docs} of every service that has springdoc: every
 * endpoint needs a bearer token, and the caller comes from that token — so the
 * {@link CurrentUser} parameter of the controllers is not a request parameter and is left out.
 * Title from {@code spring.application.name}, description from {@code crm.openapi.description}.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, SpringDocUtils.class})
public class OpenApiAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI crmServiceApi(@Value("${spring.application.name:service}") String service,
                          @Value("${crm.openapi.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title("LomCRM " + service).version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
