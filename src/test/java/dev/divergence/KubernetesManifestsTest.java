package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The Kubernetes manifests in deploy/kubernetes are valid objects of the Kubernetes model (fabric8's, strictly:
 * a field the model does not know fails, where the model itself would keep it aside) and agree with the
 * application they deploy: the ports, probe paths and shutdown timeout of application.yml, the user of the
 * Dockerfile. The base is checked as it is; the production overlay is rendered with {@code kubectl kustomize}
 * when kubectl is on the PATH (as in CI), and otherwise its patches are checked as objects on their own.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "NetworkPolicy", NetworkPolicy.class, "ServiceMonitor", ServiceMonitor.class);

    /** The application's own settings, from application.yml with the defaults of its placeholders. */
    private record App(int port, int managementPort, Duration shutdownPhase, int user) {

        static App read() throws IOException {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
                    new FileSystemResource("src/main/resources/application.yml"));
            AbstractEnvironment env = new AbstractEnvironment() { }; // no system environment: defaults only
            sources.forEach(env.getPropertySources()::addLast);
            Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(Files.readString(Path.of("Dockerfile")));
            assertThat(user.find()).as("the Dockerfile's USER").isTrue();
            return new App(env.getRequiredProperty("server.port", Integer.class),
                    env.getRequiredProperty("management.server.port", Integer.class),
                    Duration.parse("PT" + env.getRequiredProperty("spring.lifecycle.timeout-per-shutdown-phase")
                            .toUpperCase()), Integer.parseInt(user.group(1)));
        }
    }

    @Test
    void theBaseIsValidAndAgreesWithTheApplication() throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        JsonNode kustomization = YAML.readTree(ROOT.resolve("base/kustomization.yaml").toFile());
        for (JsonNode resource : kustomization.get("resources")) {
            objects.addAll(parse(Files.readString(ROOT.resolve("base").resolve(resource.asText()))));
        }
        checkAgainst(App.read(), objects, false);
    }

    @Test
    void theProductionOverlayIsValidAndAgreesWithTheApplication() throws Exception {
        Path overlay = ROOT.resolve("overlays/production");
        JsonNode kustomization = YAML.readTree(overlay.resolve("kustomization.yaml").toFile());
        for (JsonNode patch : kustomization.get("patches")) {
            assertThat(parse(Files.readString(overlay.resolve(patch.get("path").asText())))).hasSize(1);
        }
        String rendered = kustomize(overlay);
        if (rendered == null) {
            System.out.println("[WARNING] kubectl is not on the PATH: the production overlay's patches were checked "
                    + "on their own, not the rendered overlay");
            return;
        }
        List<HasMetadata> objects = parse(rendered);
        checkAgainst(App.read(), objects, true);
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("divergence"));
    }

    private static void checkAgainst(App app, List<HasMetadata> objects, boolean production) {
        assertThat(objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrderElementsOf(KINDS.keySet());
        Deployment deployment = one(objects, Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(pod.getContainers()).hasSize(1);
        Container container = pod.getContainers().get(0);

        // ports and probes: those of application.yml
        assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("http", app.port()),
                        org.assertj.core.groups.Tuple.tuple("management", app.managementPort()));
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        for (var probe : List.of(container.getReadinessProbe(), container.getLivenessProbe(),
                container.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/port", Integer.toString(app.managementPort()))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");

        // draining: the preStop pause and Spring's shutdown phase fit in the grace period
        List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
        long pause = Long.parseLong(preStop.get(1));
        assertThat(pause).isPositive();
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(pause + app.shutdownPhase().toSeconds());

        // hardening: the image's non-root user, read-only root with /tmp on an emptyDir, no capabilities
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(app.user());
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow().getName();
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo(tmpVolume);
            assertThat(v.getEmptyDir()).isNotNull();
        });

        // resources: requests and limits, the heap a share of the memory limit, a guaranteed memory amount
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        assertThat(Quantity.getAmountInBytes(requests.get("memory")))
                .isEqualTo(Quantity.getAmountInBytes(limits.get("memory")));
        assertThat(env(container, "JAVA_TOOL_OPTIONS").getValue()).contains("-XX:MaxRAMPercentage=",
                "-XX:+ExitOnOutOfMemoryError");
        EnvVar keys = env(container, "DIVERGENCE_SECURITY_API_KEYS");
        assertThat(keys.getValueFrom().getSecretKeyRef().getName()).isEqualTo("divergence-api-keys");
        assertThat(keys.getValueFrom().getSecretKeyRef().getOptional()).isEqualTo(!production);
        if (production) {
            assertThat(env(container, "DIVERGENCE_SECURITY_ENABLED").getValue()).isEqualTo("true");
        }

        // the Service and the ServiceMonitor reach those ports by name
        Service service = one(objects, Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal())
                .containsExactlyInAnyOrder("http", "management");
        ServiceMonitor monitor = one(objects, ServiceMonitor.class);
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(e -> {
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).contains(e.getPort());
            assertThat(e.getPath()).isEqualTo("/actuator/prometheus");
        });
        assertThat(podLabels).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());

        // autoscaling on CPU, slow to scale down; a disruption budget that never blocks a drain
        HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMetrics()).singleElement()
                .satisfies(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
                .isGreaterThanOrEqualTo(300);
        PodDisruptionBudget pdb = one(objects, PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getMinAvailable()).isNull();
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isGreaterThanOrEqualTo(1);
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());

        // the network policy selects these pods and lets the API port in
        NetworkPolicy policy = one(objects, NetworkPolicy.class);
        assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> assertThat(rule.getPorts())
                .anySatisfy(p -> assertThat(p.getPort().getStrVal()).isEqualTo("http")));
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no environment variable " + name));
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    /** @return every document of {@code yaml} as its model class, failing on any field the model does not know */
    private static List<HasMetadata> parse(String yaml) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = (JsonNode) documents.next();
                if (document == null || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("kind").asText();
                assertThat(KINDS).as("a kind this deployment uses").containsKey(kind);
                HasMetadata object = YAML.treeToValue(document, KINDS.get(kind));
                List<String> unknown = new ArrayList<>();
                unknownFields(object, kind, unknown, new IdentityHashMap<>());
                assertThat(unknown).as("fields the Kubernetes model does not know").isEmpty();
                objects.add(object);
            }
        }
        return objects;
    }

    /** Walks the model objects: each keeps the fields it does not know in its additional properties. */
    private static void unknownFields(Object value, String at, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, at + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, at + "." + k, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object field = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(at + ": " + extra.keySet());
                    }
                } else if (!Set.of("getAmount", "getFormat", "getNumericalAmount").contains(getter.getName())) {
                    unknownFields(field, at + "." + getter.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a derived getter that does not apply to this value (e.g. IntOrString's other branch)
            }
        }
    }

    /** @return {@code kubectl kustomize DIR}, or {@code null} without kubectl */
    private static String kustomize(Path dir) throws IOException, InterruptedException {
        boolean onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "kubectl")));
        if (!onPath) {
            return null;
        }
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor()).as(out).isZero();
        return out;
    }
}
