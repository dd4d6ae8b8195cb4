package dev.divergence.config;

import dev.divergence.runtime.MemoryBudget;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Turns on Spring Framework's {@code @ConcurrencyLimit} (the compute bulkhead of the service layer), and publishes
 * the working-memory budget as gauges: {@code divergence.memory.budget} (its size) and
 * {@code divergence.memory.available} (what requests do not hold now), in bytes.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class ResilienceConfig {

    @Bean
    MeterBinder workingMemoryGauges(MemoryBudget budget) {
        return registry -> {
            Gauge.builder("divergence.memory.budget", budget, MemoryBudget::totalBytes).baseUnit("bytes")
                    .description("the working-memory budget of request bodies and computations").register(registry);
            Gauge.builder("divergence.memory.available", budget, MemoryBudget::availableBytes).baseUnit("bytes")
                    .description("the part of the working-memory budget no request holds now").register(registry);
        };
    }
}
