package dev.divergence.config;

import dev.divergence.web.BodyLimit;
import dev.divergence.web.ContinueValve;
import dev.divergence.web.ProblemErrorReportValve;
import org.apache.catalina.core.StandardHost;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Tomcat answers its own errors as problem+json (see {@link ProblemErrorReportValve}); sends {@code 100 Continue}
 * only to {@code /v1} bodies declared within their limit (see {@link ContinueValve}; elsewhere when the application
 * starts reading the body, {@code continueResponseTiming=onRead}), so a body refused from its
 * {@code Content-Length} is refused before the client sends it; and runs {@link #workerThreads} worker threads
 * unless {@code server.tomcat.threads.max} is set.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfig {

    /**
     * The default number of worker threads: four per available processor, at least 8 (8 on 2 cores). Request bodies
     * are received without a thread ({@code BodyArrivalFilter}), so a worker thread only ever computes or writes an
     * answer; more threads than that on a few cores only add runnable threads that share the cores and lengthen the
     * tail of the latency (docs/performance.md measures 200 against 8 on 2 cores).
     *
     * @param processors the processors the JVM may use
     * @return the number of worker threads
     */
    static int workerThreads(int processors) {
        return Math.max(8, 4 * processors);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> workerThreadCount(Environment environment) {
        return factory -> {
            if (!environment.containsProperty("server.tomcat.threads.max")) {
                int threads = workerThreads(Runtime.getRuntime().availableProcessors());
                factory.addConnectorCustomizers(connector -> {
                    if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                        protocol.setMaxThreads(threads);
                    }
                });
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnRead(LimitProperties limits,
            DriftProperties drift) {
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
            factory.addContextCustomizers(context -> context.getPipeline().addValve(
                    new ContinueValve(BodyLimit.of(limits, drift))));
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
