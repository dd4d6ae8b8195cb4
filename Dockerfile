# syntax: classic builder compatible (no BuildKit features needed)
# Base images are build arguments so that CI can substitute local stand-ins for the public images.
ARG BUILD_IMAGE=maven:3-eclipse-temurin-25
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

# ---- build: dependencies first (cached until pom.xml changes), then sources ----
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q -ntp dependency:go-offline
COPY src/ src/
RUN mvn -B -q -ntp package -DskipTests \
 && java -Djarmode=tools -jar target/divergence-service-*.jar extract --layers --application-filename app.jar --destination /layers

# ---- runtime: a JRE, the extracted layers (a code change rebuilds only the last one), an AOT cache ----
FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="divergence-service" \
      org.opencontainers.image.description="KL divergence and related divergences between probability distributions over HTTP" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# AOT cache (JEP 483/514): a training run that stops after the context refresh records loaded and linked
# classes; start-up reads them back. Rebuilt with the application layer.
RUN if java -XX:AOTCacheOutput=/app/app.aot --sun-misc-unsafe-memory-access=allow -Dspring.context.exit=onRefresh -jar app.jar >/tmp/aot.log 2>&1; \
    then rm -f /tmp/aot.log; else cat /tmp/aot.log; exit 1; fi
USER 10001:10001
# 8080: the API; 8081: actuator (health, info, prometheus)
EXPOSE 8080 8081
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:G1HeapRegionSize=4m -XX:+ExitOnOutOfMemoryError"
# bash's /dev/tcp: no curl or wget needed in the image
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
# exec form: java is PID 1 and receives SIGTERM directly (graceful shutdown, exit 0).
# DataSketches Memory 3 reads sketches through sun.misc.Unsafe on heap arrays: allowed without the JDK's warning.
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "--sun-misc-unsafe-memory-access=allow", "-jar", "/app/app.jar"]
