package dev.divergence.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/** Turns on Spring Framework's {@code @ConcurrencyLimit} (the compute bulkhead of the service layer). */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class ResilienceConfig {
}
