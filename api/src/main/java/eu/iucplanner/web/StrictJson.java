package eu.iucplanner.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Strict JSON on top of application.yml's settings (unknown fields, trailing tokens, duplicate keys, fractions for
 * whole numbers): a number or a boolean sent as a string ({@code "200000"}, {@code "true"}) is refused, never
 * coerced. Done per logical type, so the error still says which value was wrong.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarCoercion() {
        return builder -> builder.postConfigurer(mapper -> {
            for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float,
                    LogicalType.Boolean }) {
                mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            }
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer,
                    CoercionAction.Fail);
        });
    }
}
