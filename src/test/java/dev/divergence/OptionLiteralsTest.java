package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.divergence.discrete.InputType;
import dev.divergence.discrete.Metric;
import dev.divergence.discrete.SmoothingMethod;
import dev.divergence.drift.ColumnType;
import dev.divergence.drift.Correction;
import dev.divergence.drift.DriftMethod;
import dev.divergence.drift.MissingValues;
import dev.divergence.kldiv.Reduction;
import dev.divergence.parametric.Method;
import dev.divergence.samples.BinStrategy;
import dev.divergence.samples.Estimator;
import dev.divergence.validation.OptionValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every option value is written once: as the name of its enum constant. No other main source file outside the
 * compute library spells it as a string literal (the JSON binding, the OpenAPI schema and /v1/capabilities read
 * the enums). Two options may share a word ({@code auto}, {@code none}); each enum spells its own. The torch
 * parameter {@code logits} of the parametric families is a parameter name, not the discrete input type; the summary
 * formats' field names are field names.
 */
class OptionLiteralsTest {

    private static final List<Class<? extends OptionValue>> OPTIONS = List.of(InputType.class, Metric.class,
            SmoothingMethod.class, Reduction.class, Method.class, Estimator.class, BinStrategy.class,
            DriftMethod.class, ColumnType.class, MissingValues.class, Correction.class);
    /** The parametric family table and its checker name torch's parameters, among them {@code logits}. */
    private static final List<String> PARAMETER_TABLES = List.of("ParametricFamilies.java", "SpecResolver.java");
    /**
     * The summary formats name their JSON fields {@code histogram}, {@code edges} and {@code counts}: field names,
     * spelled once, in the summary type.
     */
    private static final String SUMMARY_FIELDS = "ColumnSummary.java";

    @Test
    void noOptionValueIsAStringLiteralOutsideItsEnum() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        Map<String, List<String>> elsewhere = new TreeMap<>();
        for (Class<? extends OptionValue> option : OPTIONS) {
            for (OptionValue value : option.getEnumConstants()) {
                String literal = "\"" + value.jsonName() + "\"";
                for (Path source : sources) {
                    String file = source.getFileName().toString();
                    boolean anOptionEnum = OPTIONS.stream().anyMatch(o -> file.equals(o.getSimpleName() + ".java"));
                    boolean parameterName = literal.equals("\"logits\"") && PARAMETER_TABLES.contains(file)
                            || file.equals(SUMMARY_FIELDS);
                    if (!anOptionEnum && !parameterName && !source.toString().contains("/compute/")
                            && Files.readString(source, StandardCharsets.UTF_8).contains(literal)) {
                        elsewhere.computeIfAbsent(option.getSimpleName() + " " + literal, k -> new ArrayList<>())
                                .add(file);
                    }
                }
            }
        }
        assertThat(elsewhere).as("option values spelled outside their enum").isEmpty();
    }
}
