package dev.divergence.examples.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipe end to end against a running service ({@code -Dservice.url}, default http://127.0.0.1:8080): Spark
 * writes two Parquet windows, reads them back and summarizes them; the service answers from the summaries and from
 * the raw values of the same windows. Every column's verdict from the summaries equals the raw verdict wherever
 * the threshold is outside the column's score bounds, and the raw score lies inside those bounds.
 */
class SparkDriftTest {

    private static final String SERVICE = System.getProperty("service.url", "http://127.0.0.1:8080");

    @Test
    void sketchVerdictsEqualRawVerdictsOutsideTheErrorBounds(@TempDir Path dir) throws Exception {
        JsonNode fromSummaries;
        JsonNode fromValues;
        try (SparkSession spark = SparkDrift.session()) {
            SparkDrift.writeWindows(spark, dir.resolve("reference"), dir.resolve("current"), 200_000);
            Dataset<Row> ref = spark.read().parquet(dir.resolve("reference").toString());
            Dataset<Row> cur = spark.read().parquet(dir.resolve("current").toString());
            ObjectNode summaries = SparkDrift.JSON.createObjectNode();
            summaries.set("reference", SparkDrift.summaries(ref, SparkDrift.K));
            summaries.set("current", SparkDrift.summaries(cur, SparkDrift.K));
            fromSummaries = SparkDrift.post(SERVICE + "/v1/drift", summaries.toString());
            ObjectNode raw = SparkDrift.JSON.createObjectNode();
            raw.set("reference", values(ref));
            raw.set("current", values(cur));
            fromValues = SparkDrift.post(SERVICE + "/v1/drift", raw.toString());
        }
        Map<String, JsonNode> exact = new HashMap<>();
        fromValues.get("columns").forEach(c -> exact.put(c.get("column").asText(), c));
        assertEquals(6, fromSummaries.get("numberOfColumns").asInt(), fromSummaries.toString());
        int compared = 0;
        for (JsonNode c : fromSummaries.get("columns")) {
            String name = c.get("column").asText();
            JsonNode e = exact.get(name);
            assertEquals(e.get("method"), c.get("method"), name);
            if (SparkDrift.CATEGORICAL.contains(name)) {
                // counts are exact; the categories come in another order (Spark's sorted group-by, not the rows'
                // order of first appearance), which changes only the order of the sums
                assertFalse(c.has("approximate"), name);
                assertEquals(e.get("score").asDouble(), c.get("score").asDouble(),
                        1e-12 * Math.abs(e.get("score").asDouble()), name);
                assertEquals(e.get("driftDetected"), c.get("driftDetected"), name);
                compared++;
                continue;
            }
            assertTrue(c.get("approximate").asBoolean(), name);
            double lower = c.get("scoreBounds").get(0).asDouble();
            double upper = c.get("scoreBounds").get(1).asDouble();
            double score = e.get("score").asDouble();
            assertTrue(lower <= score && score <= upper, name + ": raw score " + score + " outside " + c);
            double threshold = c.get("threshold").asDouble();
            if (threshold < lower || threshold > upper) {
                assertEquals(e.get("driftDetected"), c.get("driftDetected"), name + " " + c + " raw " + e);
                compared++;
            } else {
                assertTrue(c.get("warnings").toString().contains("the verdict is uncertain"), c.toString());
            }
        }
        // the shifted age and the changed plan mix are detected from the summaries
        assertTrue(compared >= 4, "too few columns were decided: " + fromSummaries);
        assertTrue(column(fromSummaries, "age").get("driftDetected").asBoolean());
        assertTrue(column(fromSummaries, "plan").get("driftDetected").asBoolean());
        assertFalse(column(fromSummaries, "region").get("driftDetected").asBoolean());
    }

    private static JsonNode column(JsonNode report, String name) {
        for (JsonNode c : report.get("columns")) {
            if (c.get("column").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name + " not in " + report);
    }

    /** The window's raw values, {column: [values]} with null for missing. */
    private static ObjectNode values(Dataset<Row> window) {
        ObjectNode out = SparkDrift.JSON.createObjectNode();
        List<String> columns = new java.util.ArrayList<>(SparkDrift.NUMERICAL);
        columns.addAll(SparkDrift.CATEGORICAL);
        for (String c : columns) {
            out.putArray(c);
        }
        for (Row r : window.selectExpr(columns.toArray(new String[0])).collectAsList()) {
            for (int i = 0; i < columns.size(); i++) {
                ArrayNode a = (ArrayNode) out.get(columns.get(i));
                if (r.isNullAt(i)) {
                    a.addNull();
                } else if (i < SparkDrift.NUMERICAL.size()) {
                    a.add(r.getDouble(i));
                } else {
                    a.add(r.getString(i));
                }
            }
        }
        return out;
    }
}
