package dev.divergence.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header; a fixed relative server keeps the document independent of the port. Examples,
 * error responses and (only with authentication enabled) the security schemes are added by the API package's
 * customizer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI divergenceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Divergence service").version("v1")
                        .description("KL divergence and related divergences (Jensen–Shannon, total variation, "
                                + "Hellinger, Bhattacharyya, χ², Rényi, cross-entropy) between probability "
                                + "distributions. Errors are RFC 9457 problem+json with JSON Pointers.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("this instance")))
                .components(new Components());
    }
}
