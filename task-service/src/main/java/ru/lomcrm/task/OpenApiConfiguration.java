package ru.lomcrm.task;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.lomcrm.platform.security.CurrentUser;

/**
 * The OpenAPI document at {@code /v3/api-docs}: every endpoint needs a bearer token, and the
 * caller comes from that token — so the {@link CurrentUser} parameter of the controllers is not
 * a request parameter and is left out of the document.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI taskServiceApi() {
        return new OpenAPI()
                .info(new Info().title("LomCRM task-service").version("v1")
                        .description("Задачи, календарь, бизнес-процессы этапов воронок, сделки без задач, просроченные задачи."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
