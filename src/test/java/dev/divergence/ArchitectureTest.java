package dev.divergence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way, api → service → compute; compute could ship as a plain library. */
@AnalyzeClasses(packages = "dev.divergence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule computeUsesNoFrameworks = noClasses().that().resideInAPackage("..compute..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                    "com.fasterxml.jackson..", "jakarta..", "io.micrometer..", "io.swagger..")
            .because("the compute layer is pure math on double[] and must stay free of Spring and Jackson");

    @ArchTest
    static final ArchRule serviceKnowsNoJsonOrWeb = noClasses().that().resideInAPackage("..service..")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..",
                    "org.springframework.web..", "org.springframework.http..", "io.swagger..")
            .because("the service layer validates and prepares; JSON and HTTP belong to the api layer");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("..api..")
            .layer("service").definedBy("..service..")
            .layer("compute").definedBy("..compute..")
            .layer("config").definedBy("..config..")
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("api")
            .whereLayer("compute").mayOnlyBeAccessedByLayers("service", "api");
}
