package dev.divergence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the divergence service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DivergenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DivergenceApplication.class, args);
    }
}
