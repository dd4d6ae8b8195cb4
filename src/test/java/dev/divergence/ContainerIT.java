package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The image built from the Dockerfile, run as operators run it (read-only root filesystem, tmpfs /tmp,
 * port published on 127.0.0.1): README examples, a problem, health, Prometheus, the image's HEALTHCHECK, and
 * a SIGTERM while requests are in flight. Skipped, with one line saying why, when no Docker engine answers
 * ({@link DockerEngine}); .ci/run fails if that happens there. Base images come from BUILD_IMAGE / RUNTIME_IMAGE
 * when set; a base image the engine lacks and cannot pull fails the class at once, naming the image and setting.
 */
@ExtendWith(DockerEngine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerIT {

    private static GenericContainer<?> service;
    private static HttpClientSupport http;
    private static HttpClientSupport management;

    @BeforeAll
    static void startContainer() throws IOException {
        ImageFromDockerfile image = new ImageFromDockerfile("divergence-service-it", false)
                .withDockerfile(Path.of("Dockerfile").toAbsolutePath());
        // the Dockerfile's base images are build arguments (ARG NAME=default); the environment may override them
        Matcher arg = Pattern.compile("(?m)^ARG (\\w+_IMAGE)=(\\S+)$").matcher(Files.readString(Path.of("Dockerfile")));
        while (arg.find()) {
            String value = System.getenv(arg.group(1));
            boolean overridden = value != null && !value.isBlank();
            DockerEngine.requireImage(overridden ? value : arg.group(2), arg.group(1));
            if (overridden) {
                image.withBuildArg(arg.group(1), value);
            }
        }
        service = new GenericContainer<>(image)
                .withExposedPorts(8080, 8081)
                .withTmpFs(Map.of("/tmp", "rw,size=64m"))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withReadonlyRootfs(true)
                        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(8080)),
                                new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(8081))))
                .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(8081).forStatusCode(200))
                .withStartupTimeout(Duration.ofMinutes(3));
        service.start();
        http = new HttpClientSupport(service.getMappedPort(8080));
        management = new HttpClientSupport(service.getMappedPort(8081));
    }

    @AfterAll
    static void stopContainer() {
        if (service != null) {
            service.stop();
        }
    }

    static Stream<ReadmeExamplesTest.Example> readmeExamples() throws IOException {
        return ReadmeExamplesTest.examples();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("readmeExamples")
    void readmeExampleAnswersInTheContainer(ReadmeExamplesTest.Example example) {
        ReadmeExamplesTest.replay(http, example);
    }

    @Order(2)
    @Test
    void badInputIsAProblem() {
        HttpResponse<String> response = http.post("/v1/divergences/discrete", "{\"p\": [1], \"q\": [1], \"bsae\": 2}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"pointer\":\"/bsae\"");
    }

    @Order(3)
    @Test
    void healthAndPrometheusAnswer() {
        assertThat(management.get("/actuator/health/liveness").body()).contains("\"UP\"");
        HttpResponse<String> scrape = management.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("divergence_requests_total", "jvm_memory_used_bytes");
    }

    @Order(4)
    @Test
    void imageRunsAsNonRootAndItsHealthcheckTurnsHealthy() throws InterruptedException {
        DockerClient docker = DockerClientFactory.instance().client();
        InspectContainerResponse info = docker.inspectContainerCmd(service.getContainerId()).exec();
        assertThat(info.getConfig().getUser()).isEqualTo("10001:10001");
        assertThat(info.getHostConfig().getReadonlyRootfs()).isTrue();
        String health = "";
        for (int i = 0; i < 60 && !health.equals("healthy"); i++) {
            health = docker.inspectContainerCmd(service.getContainerId()).exec().getState().getHealth().getStatus();
            if (!health.equals("healthy")) {
                Thread.sleep(1000);
            }
        }
        assertThat(health).isEqualTo("healthy");
    }

    @Order(5)
    @Test
    void sigtermWhileRequestsAreInFlightAnswersEveryAcceptedRequestAndExitsZero() throws Exception {
        String body = largeBody(1_000_000);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + service.getMappedPort(8080) + "/v1/divergences/discrete");
        assertThat(client.send(request(uri, body), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inFlight.add(client.sendAsync(request(uri, body), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(300); // all six connected and uploading or computing
        DockerClient docker = DockerClientFactory.instance().client();
        long signalled = System.nanoTime();
        docker.killContainerCmd(service.getContainerId()).withSignal("SIGTERM").exec();
        int answered = 0;
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            HttpResponse<String> response = f.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"kl\":");
            answered++;
        }
        InspectContainerResponse.ContainerState state;
        do {
            Thread.sleep(100);
            state = docker.inspectContainerCmd(service.getContainerId()).exec().getState();
        } while (Boolean.TRUE.equals(state.getRunning()) && System.nanoTime() - signalled < 60_000_000_000L);
        long stoppedMillis = (System.nanoTime() - signalled) / 1_000_000;
        System.out.printf("SIGTERM test: %d of %d in-flight requests answered 200; exit code %d; stopped %d ms "
                + "after the signal%n", answered, inFlight.size(), state.getExitCodeLong(), stoppedMillis);
        assertThat(state.getRunning()).isFalse();
        assertThat(state.getExitCodeLong()).isZero();
    }

    private static HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String largeBody(int n) {
        StringBuilder sb = new StringBuilder(n * 24);
        sb.append("{\"p\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(1 + (i % 7));
        }
        sb.append("], \"q\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(1 + (i % 5));
        }
        return sb.append("], \"inputType\": \"counts\"}").toString();
    }
}
