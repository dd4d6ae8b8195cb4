package dev.divergence;

import dev.divergence.drift.DataSketchesRuntime;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import sun.misc.Signal;

/** Entry point of the divergence service. */
/* no in-memory user with a generated password: authentication is API keys and JWTs (SecurityConfig) */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class DivergenceApplication {

    public static void main(String[] args) {
        exitCleanlyOnSigterm();
        DataSketchesRuntime.load();
        SpringApplication.run(DivergenceApplication.class, args);
    }

    /**
     * SIGTERM is the orchestrator's normal "stop": turn it into {@code System.exit(0)}, which runs the same
     * shutdown hooks (readiness down, graceful drain of accepted requests, context close) and exits with status
     * 0 instead of the JVM's default 143 for a signal.
     */
    private static void exitCleanlyOnSigterm() {
        try {
            Signal.handle(new Signal("TERM"), signal -> new Thread(() -> System.exit(0), "sigterm-exit").start());
        } catch (IllegalArgumentException e) {
            // no SIGTERM on this platform (or the JVM reserves it): keep the default behaviour
        }
    }
}
