package dev.divergence;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the container tests need from a Docker engine, checked before Testcontainers is touched, so that they
 * neither hang nor pass silently.
 * <ul>
 *   <li>As a JUnit condition: the tests run only when an engine on this machine answers a ping within a few
 *   seconds, at {@code DOCKER_HOST} when it is set (never replaced by another socket) or else at
 *   {@code /var/run/docker.sock}. Otherwise the class is skipped and one line says why.</li>
 *   <li>{@link #requireImage}: a base image the engine lacks is pulled once, bounded in time; if that fails the
 *   test fails at once with the image's name and the setting that chooses it.</li>
 * </ul>
 * The forked test JVM gets Testcontainers' settings for a local engine from the build (see the Failsafe
 * configuration in pom.xml), so no extra image (Ryuk, alpine) is ever pulled.
 */
public final class DockerEngine implements ExecutionCondition {

    private static final String DEFAULT_SOCKET = "/var/run/docker.sock";
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(5);
    /** How long one base-image pull may take before the test gives up; {@code -Dcontainer.pull-timeout=300s}. */
    private static final Duration PULL_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getProperty("container.pull-timeout", "180s").replaceAll("s$", "")));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = unavailableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("a Docker engine answers at " + endpoint());
        }
        String line = "CONTAINER TESTS SKIPPED: " + reason + ". They build the image from the Dockerfile and test "
                + "it; start a Docker engine on this machine (or point DOCKER_HOST at one) to run them.";
        System.out.println("[WARNING] " + line);
        return ConditionEvaluationResult.disabled(line);
    }

    /** @return the engine address: {@code DOCKER_HOST}, or the default Unix socket */
    static URI endpoint() {
        String host = System.getenv("DOCKER_HOST");
        return URI.create(host == null || host.isBlank() ? "unix://" + DEFAULT_SOCKET : host.trim());
    }

    /** @return why the container tests cannot run here, or {@code null} when an engine answers */
    static String unavailableReason() {
        URI endpoint = endpoint();
        String origin = System.getenv("DOCKER_HOST") == null ? " (DOCKER_HOST is not set)" : " (from DOCKER_HOST)";
        String scheme = String.valueOf(endpoint.getScheme());
        if (scheme.equals("unix")) {
            if (!Files.exists(Path.of(endpoint.getPath()))) {
                return "no Docker engine: " + endpoint + " does not exist" + origin;
            }
        } else if (scheme.equals("tcp") || scheme.equals("http")) {
            if (!isLoopback(endpoint.getHost())) {
                return "DOCKER_HOST=" + endpoint + " is not on this machine, and the tests publish the container's "
                        + "ports on 127.0.0.1 of the engine's host";
            }
            if (System.getenv("DOCKER_TLS_VERIFY") != null && !System.getenv("DOCKER_TLS_VERIFY").isEmpty()) {
                return null; // TLS engines are pinged by Testcontainers itself
            }
        } else {
            return "DOCKER_HOST=" + endpoint + " has a scheme these tests do not support (unix or tcp)";
        }
        try (DockerHttpClient client = client(PING_TIMEOUT)) {
            Integer status = bounded(PING_TIMEOUT, () -> {
                try (DockerHttpClient.Response response = client.execute(request(DockerHttpClient.Request.Method.GET,
                        "/_ping"))) {
                    return response.getStatusCode();
                }
            });
            return status == 200 ? null : "the Docker engine at " + endpoint + origin + " answered its ping with "
                    + "HTTP " + status;
        } catch (Exception e) {
            return "no Docker engine answers at " + endpoint + origin + " within " + PING_TIMEOUT.toSeconds() + " s ("
                    + rootMessage(e) + ")";
        }
    }

    /**
     * Makes sure the engine has {@code image}: nothing to do when it is there; otherwise one pull, bounded by
     * {@code container.pull-timeout} (default 180 s).
     *
     * @param image the image reference, e.g. {@code eclipse-temurin:25-jre}
     * @param setting the environment variable that chooses it, named in the failure
     * @throws IllegalStateException if the image is missing and the pull fails or takes too long
     */
    static void requireImage(String image, String setting) {
        try (DockerHttpClient client = client(PULL_TIMEOUT)) {
            int inspected;
            try (DockerHttpClient.Response response = client.execute(request(DockerHttpClient.Request.Method.GET,
                    "/images/" + image + "/json"))) {
                inspected = response.getStatusCode();
            }
            if (inspected == 200) {
                return;
            }
            String error = bounded(PULL_TIMEOUT, () -> pull(client, image));
            if (error != null) {
                throw missing(image, setting, error);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (TimeoutException e) {
            throw missing(image, setting, "the pull did not finish within " + PULL_TIMEOUT.toSeconds() + " s");
        } catch (Exception e) {
            throw missing(image, setting, rootMessage(e));
        }
    }

    /** @return the engine's error message, or {@code null} once the pull has finished without one */
    private static String pull(DockerHttpClient client, String image) throws IOException {
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > image.lastIndexOf('/');
        String path = "/images/create?fromImage=" + URLEncoder.encode(tagged ? image.substring(0, colon) : image,
                StandardCharsets.UTF_8) + "&tag=" + URLEncoder.encode(tagged ? image.substring(colon + 1) : "latest",
                StandardCharsets.UTF_8);
        try (DockerHttpClient.Response response = client.execute(request(DockerHttpClient.Request.Method.POST, path));
                InputStream body = response.getBody()) {
            // the engine streams JSON progress lines; a failure is a line with "error" (or a non-200 status)
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() != 200) {
                return "HTTP " + response.getStatusCode() + ": " + text.strip();
            }
            int error = text.indexOf("\"error\"");
            return error < 0 ? null : text.substring(error, text.indexOf('\n', error) < 0 ? text.length()
                    : text.indexOf('\n', error)).strip();
        }
    }

    private static IllegalStateException missing(String image, String setting, String why) {
        return new IllegalStateException("The Docker engine has no image " + image + " and could not pull it: " + why
                + ". Pull it (docker pull " + image + ") or set " + setting + " to an image the engine has.");
    }

    private static DockerHttpClient client(Duration responseTimeout) {
        return new ZerodepDockerHttpClient.Builder().dockerHost(endpoint()).connectionTimeout(PING_TIMEOUT)
                .responseTimeout(responseTimeout).build();
    }

    private static DockerHttpClient.Request request(DockerHttpClient.Request.Method method, String path) {
        return DockerHttpClient.Request.builder().method(method).path(path).build();
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    /** Runs {@code call} on its own daemon thread, giving up after {@code limit}. */
    private static <T> T bounded(Duration limit, Call<T> call) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "docker-preflight");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> future = executor.submit(call::call);
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            executor.shutdownNow();
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
