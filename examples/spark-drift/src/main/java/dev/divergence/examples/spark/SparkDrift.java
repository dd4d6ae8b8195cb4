package dev.divergence.examples.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Drift at any scale: Spark summarizes each column where the data lives (a DataSketches KLL sketch per numerical
 * column with {@code kll_sketch_agg_double}, counts per category with a group-by), and the service tests drift
 * from the summaries. A few kilobytes per column cross the network, whatever the number of rows.
 *
 * <pre>
 * java [Spark's --add-opens] -cp ... dev.divergence.examples.spark.SparkDrift [service-url [reference current]]
 * </pre>
 * Without paths, it writes two Parquet windows of 1,000,000 rows each and tests them.
 */
public final class SparkDrift {

    /** The numerical columns of the generated windows. */
    public static final List<String> NUMERICAL = List.of("age", "income", "score", "latency");
    /** The categorical columns of the generated windows. */
    public static final List<String> CATEGORICAL = List.of("plan", "region");
    /** The KLL k of the recipe: rank error about 0.3 %, about 20 KB per sketch. */
    public static final int K = 1000;

    static final ObjectMapper JSON = new ObjectMapper();

    private SparkDrift() {
    }

    public static void main(String[] args) throws Exception {
        String service = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        try (SparkSession spark = session()) {
            Path reference;
            Path current;
            if (args.length >= 3) {
                reference = Path.of(args[1]);
                current = Path.of(args[2]);
            } else {
                Path dir = Files.createTempDirectory("spark-drift");
                reference = dir.resolve("reference");
                current = dir.resolve("current");
                writeWindows(spark, reference, current, 1_000_000);
            }
            Dataset<Row> ref = spark.read().parquet(reference.toString());
            Dataset<Row> cur = spark.read().parquet(current.toString());
            ObjectNode request = JSON.createObjectNode();
            request.set("reference", summaries(ref, K));
            request.set("current", summaries(cur, K));
            for (String column : NUMERICAL) {
                System.out.printf("%-8s sketch: %,d bytes of JSON%n", column,
                        request.get("reference").get(column).toString().length());
            }
            JsonNode report = post(service + "/v1/drift", request.toString());
            System.out.printf("dataset drift: %s (%d of %d columns)%n", report.get("datasetDrift"),
                    report.get("numberOfDriftedColumns").asInt(), report.get("numberOfColumns").asInt());
            for (JsonNode c : report.get("columns")) {
                System.out.printf("%-8s %-14s score %.6g  bounds %-44s drift %s %s%n", c.get("column").asText(),
                        c.get("method").asText(), c.get("score").asDouble(),
                        c.has("scoreBounds") ? c.get("scoreBounds").toString() : "(exact)",
                        c.get("driftDetected").asBoolean(), c.get("warnings").size() > 0 ? c.get("warnings") : "");
            }
        }
    }

    /** @return a local Spark session on two cores, bound to the loopback interface, without its web UI */
    public static SparkSession session() {
        return SparkSession.builder().appName("spark-drift").master("local[2]")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /**
     * Writes a reference and a current window as Parquet: age shifted by half a standard deviation, the plan mix
     * changed, the rest from one distribution, about 2 % of each column null.
     */
    public static void writeWindows(SparkSession spark, Path reference, Path current, long rows) {
        window(spark, rows, 1, 0.0, "0.5, 0.8").write().mode("overwrite").parquet(reference.toString());
        window(spark, rows, 2, 4.5, "0.35, 0.7").write().mode("overwrite").parquet(current.toString());
    }

    private static Dataset<Row> window(SparkSession spark, long rows, int seed, double ageShift, String planCuts) {
        String[] cuts = planCuts.split(", ");
        return spark.range(rows).selectExpr(
                nullable(seed, 1, "40 + " + ageShift + " + 9 * randn(" + (seed * 10 + 1) + ")") + " AS age",
                nullable(seed, 2, "exp(10 + 0.5 * randn(" + (seed * 10 + 2) + "))") + " AS income",
                nullable(seed, 3, "rand(" + (seed * 10 + 3) + ")") + " AS score",
                nullable(seed, 4, "-ln(rand(" + (seed * 10 + 4) + ")) * 120") + " AS latency",
                nullable(seed, 5, "CASE WHEN rand(" + (seed * 10 + 5) + ") < " + cuts[0] + " THEN 'basic' WHEN rand("
                        + (seed * 10 + 6) + ") < " + cuts[1] + " THEN 'pro' ELSE 'team' END") + " AS plan",
                nullable(seed, 7, "element_at(array('north', 'south', 'east', 'west'), 1 + CAST(floor(rand("
                        + (seed * 10 + 7) + ") * 4) AS INT))") + " AS region");
    }

    private static String nullable(int seed, int column, String expression) {
        return "CASE WHEN rand(" + (seed * 100 + column) + ") < 0.02 THEN NULL ELSE " + expression + " END";
    }

    /**
     * The service's summary of every column, computed in Spark: one aggregation for all KLL sketches and missing
     * counts, one group-by per categorical column.
     *
     * @param window the window
     * @param k the KLL sketches' k
     * @return {column: summary}, as /v1/drift reads a window
     */
    public static ObjectNode summaries(Dataset<Row> window, int k) {
        ObjectNode out = JSON.createObjectNode();
        List<String> aggregates = new ArrayList<>();
        for (String c : NUMERICAL) {
            aggregates.add("kll_sketch_agg_double(" + c + ", " + k + ") AS " + c + "_kll");
            aggregates.add("count(*) - count(" + c + ") AS " + c + "_missing");
        }
        Row row = window.selectExpr(aggregates.toArray(new String[0])).first();
        for (int i = 0; i < NUMERICAL.size(); i++) {
            ObjectNode s = out.putObject(NUMERICAL.get(i));
            s.put("kll", Base64.getEncoder().encodeToString((byte[]) row.get(2 * i)));
            s.put("missing", row.getLong(2 * i + 1));
        }
        for (String c : CATEGORICAL) {
            ObjectNode s = out.putObject(c);
            ObjectNode counts = s.putObject("categories");
            long missing = 0;
            for (Row r : window.groupBy(c).count().orderBy(c).collectAsList()) {
                if (r.isNullAt(0)) {
                    missing = r.getLong(1);
                } else {
                    counts.put(r.getString(0), r.getLong(1));
                }
            }
            s.put("missing", missing);
        }
        return out;
    }

    /**
     * @param url where to POST
     * @param json the body
     * @return the answer, which must be 200
     */
    public static JsonNode post(String url, String json) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
