package dev.divergence.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;

/**
 * A column summary as JSON, in the form {@code /v1/drift} reads: exactly one of {@code kll}, {@code histogram}
 * and {@code categories}, and {@code missing}.
 *
 * @param kll a DataSketches {@code KllDoublesSketch}, compact form, standard base64
 * @param histogram edges and counts
 * @param categories count per category
 * @param missing missing values (±∞ counted here too)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A column summary: one of kll, histogram, categories; and missing")
public record SummaryJson(String kll, Histogram histogram, LinkedHashMap<String, Long> categories, long missing) {

    /**
     * @param edges the edges
     * @param counts the count per bin
     */
    public record Histogram(double[] edges, long[] counts) {
    }

    /**
     * @param summary a summary
     * @return its JSON form
     */
    static SummaryJson of(ColumnSummary summary) {
        if (summary instanceof ColumnSummary.Kll k) {
            return new SummaryJson(SummaryCodec.encode(k.sketch()), null, null, k.missing());
        }
        if (summary instanceof ColumnSummary.Histogram h) {
            return new SummaryJson(null, new Histogram(h.edges(), h.counts()), null, h.missing());
        }
        ColumnSummary.Categories c = (ColumnSummary.Categories) summary;
        LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < c.labels().length; i++) {
            counts.put(c.labels()[i], c.counts()[i]);
        }
        return new SummaryJson(null, null, counts, c.missing());
    }
}
