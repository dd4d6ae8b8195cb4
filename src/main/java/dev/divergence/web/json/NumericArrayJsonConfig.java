package dev.divergence.web.json;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;

/**
 * Replaces Boot's JSON factory with a {@link NumericArrayJsonFactory}, built the way Boot builds its own (every
 * {@link JsonFactoryBuilderCustomizer} applied in order, so the limits and features configured elsewhere still
 * hold). Boot's {@code JsonMapper.Builder} picks it up, and with it every JSON body the service reads.
 */
@Configuration(proxyBeanMethods = false)
public class NumericArrayJsonConfig {

    /**
     * @param customizers Boot's and the application's factory customizers
     * @return the factory every {@code JsonMapper} of the application is built on
     */
    @Bean
    public JsonFactory jsonFactory(ObjectProvider<JsonFactoryBuilderCustomizer> customizers) {
        JsonFactoryBuilder builder = JsonFactory.builder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return new NumericArrayJsonFactory(builder);
    }
}
