package ru.lomcrm.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** problem+json for every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ApiExceptionHandler.class)
public class WebAutoConfiguration {

    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer noNulInRequests() {
        // and no quiet coercion into text: {"result": 12345} is a mistake of the client, not the result "12345"
        return builder -> builder.addModule(NoControlCharacters.module())
                .withCoercionConfig(tools.jackson.databind.type.LogicalType.Textual, config -> config
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Integer, tools.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Float, tools.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Boolean, tools.jackson.databind.cfg.CoercionAction.Fail));
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }
}
