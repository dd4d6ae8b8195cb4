package dev.divergence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout of the code: one package per feature ({@code discrete}, {@code kldiv}, {@code parametric},
 * {@code samples}, {@code drift}, {@code capabilities}), shared web concerns ({@code web}, {@code web.json}), {@code validation},
 * {@code runtime} (the compute gate and the meters), {@code config}, and {@code compute}, a library on
 * {@code double[]} that could ship on its own.
 */
@AnalyzeClasses(packages = "dev.divergence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {"dev.divergence.discrete..", "dev.divergence.kldiv..",
        "dev.divergence.parametric..", "dev.divergence.samples..", "dev.divergence.drift..",
        "dev.divergence.capabilities.."};

    @ArchTest
    static final ArchRule computeIsALibraryOnNumericsJarsOnly = classes().that().resideInAPackage("..compute..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.divergence.compute..",
                    "org.apache.commons.numbers..", "org.apache.commons.statistics..", "org.apache.commons.rng..",
                    "org.hipparchus..", "org.apache.datasketches..")
            .because("the compute layer is pure math on double[]: no Spring, no Jackson, no web, no feature");

    @ArchTest
    static final ArchRule sharedPackagesKnowNoFeature = noClasses().that()
            .resideInAnyPackage("dev.divergence.web..", "dev.divergence.validation..", "dev.divergence.runtime..",
                    "dev.divergence.config..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("features build on the shared packages, never the other way round");

    @ArchTest
    static final ArchRule validationAndRuntimeKnowNoWeb = noClasses().that()
            .resideInAnyPackage("dev.divergence.validation..", "dev.divergence.runtime..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.divergence.web..", "tools.jackson..",
                    "org.springframework.web..", "org.springframework.http..")
            .because("violations and the compute gate are plain Java that any feature or test can use");

    @ArchTest
    static final ArchRule servicesKnowNoJsonOrHttp = noClasses().that().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..",
                    "org.springframework.web..", "org.springframework.http..", "io.swagger..")
            .because("a service validates and prepares; JSON and HTTP belong to the controllers and records");

    /** The only way one feature uses another: discrete's published service, its option and result types. */
    private static final Set<String> DISCRETE_PUBLISHED = Set.of("DiscreteDivergenceService",
            "DiscreteDivergenceService$Pair", "DiscreteOptions", "DiscreteResult", "DistributionInput",
            "DistributionInput$Keyed", "DistributionInput$Dense", "SmoothingOption", "SmoothingRequest",
            "DiscreteResponse", "MetricsSerializer", "Metric", "ResolvedOptions", "InputType", "SmoothingMethod");

    /** What drift shares with samples: the bin strategies of {@code bins}, "as in /samples". */
    private static final Set<String> SAMPLES_PUBLISHED = Set.of("BinStrategy");

    @Test
    void featuresReachIntoEachOtherOnlyThroughPublishedTypes() {
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.divergence");
        Set<String> crossings = new TreeSet<>();
        for (JavaClass from : all) {
            String fromFeature = feature(from);
            if (fromFeature == null) {
                continue;
            }
            from.getDirectDependenciesFromSelf().forEach(d -> {
                JavaClass to = d.getTargetClass();
                String toFeature = feature(to);
                if (toFeature == null || toFeature.equals(fromFeature) || fromFeature.equals("capabilities")) {
                    return; // capabilities is a read-only view of every feature's catalogue
                }
                String simpleName = to.getName().substring(to.getPackageName().length() + 1);
                boolean published = fromFeature.equals("samples") && toFeature.equals("discrete")
                        && DISCRETE_PUBLISHED.contains(simpleName)
                        || fromFeature.equals("drift") && toFeature.equals("samples")
                        && SAMPLES_PUBLISHED.contains(simpleName);
                if (!published) {
                    crossings.add(from.getSimpleName() + " -> " + to.getName());
                }
            });
        }
        assertThat(crossings).as("dependencies between features outside their published types").isEmpty();
    }

    @Test
    void everyPackageSaysWhatItHoldsInAPackageInfo() throws IOException {
        Path root = Path.of("src", "main", "java");
        try (Stream<Path> dirs = Files.walk(root)) {
            List<String> without = dirs.filter(Files::isDirectory).filter(ArchitectureTest::hasJavaSources)
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .map(d -> root.relativize(d).toString()).toList();
            assertThat(without).as("packages without package-info.java").isEmpty();
        }
    }

    private static boolean hasJavaSources(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String feature(JavaClass c) {
        String p = c.getPackageName();
        for (String f : new String[] {"discrete", "kldiv", "parametric", "samples", "drift", "capabilities"}) {
            if (p.equals("dev.divergence." + f) || p.startsWith("dev.divergence." + f + ".")) {
                return f;
            }
        }
        return null;
    }
}
