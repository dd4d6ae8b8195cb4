package dev.divergence.web.json;

import dev.divergence.config.JsonProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.core.json.PackageVersion;

/**
 * Replaces Boot's JSON factory with a {@link NumericArrayJsonFactory}, built the way Boot builds its own (every
 * {@link JsonFactoryBuilderCustomizer} applied in order, so the limits and features configured elsewhere still
 * hold). Boot's {@code JsonMapper.Builder} picks it up, and with it every JSON body the service reads.
 *
 * <p>The scanner subclasses Jackson's {@code UTF8StreamJsonParser} and reads its protected input state, so it is
 * used only on the Jackson versions it was written and tested for ({@link NumericArrayJsonFactory#SUPPORTED_JACKSON},
 * pinned by a test), and only while {@code divergence.json.fast-number-arrays} is {@code true}; otherwise the
 * factory is Jackson's own and every number is read token by token, with the same values.
 */
@Configuration(proxyBeanMethods = false)
public class NumericArrayJsonConfig {

    private static final Logger log = LoggerFactory.getLogger(NumericArrayJsonConfig.class);

    /**
     * @param customizers Boot's and the application's factory customizers
     * @return the factory every {@code JsonMapper} of the application is built on
     */
    @Bean
    public JsonFactory jsonFactory(ObjectProvider<JsonFactoryBuilderCustomizer> customizers,
            JsonProperties properties) {
        JsonFactoryBuilder builder = JsonFactory.builder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        if (!properties.fastNumberArrays()) {
            return builder.build();
        }
        if (!NumericArrayJsonFactory.supports(PackageVersion.VERSION)) {
            log.warn("Jackson {} is not a version the number-array scanner was written for ({}): reading every "
                    + "number token by token", PackageVersion.VERSION, NumericArrayJsonFactory.SUPPORTED_JACKSON);
            return builder.build();
        }
        return new NumericArrayJsonFactory(builder);
    }
}
