package dev.divergence.drift;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Drift", description = "Data drift across the columns of two windows, Evidently's defaults")
class SummariesController {

    private final SummaryService service;
    private final DriftRequestReader reader;
    private final DriftAdmission admission;

    SummariesController(SummaryService service, DriftRequestReader reader, DriftAdmission admission) {
        this.service = service;
        this.reader = reader;
        this.admission = admission;
    }

    @Operation(summary = "Summaries of raw columns, for /v1/drift: KLL sketches of numerical columns, counts of "
            + "categorical ones",
            description = "Each column becomes the summary /v1/drift reads in its place: a numerical column (by "
                    + "Evidently's inference unless columnTypes says otherwise) a DataSketches KllDoublesSketch of its "
                    + "finite values (k = kllK, default 200), a categorical column its counts per category; null, "
                    + "\"NaN\" and ±∞ count as missing. Sketches are built with a fixed seed: the same input gives "
                    + "the same bytes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = SummariesRequest.class))))
    @ApiResponse(responseCode = "200", description = "A summary per column")
    @PostMapping(path = "/v1/summaries", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SummariesRequest.Response summarize(HttpServletRequest request) throws IOException {
        return admission.run(() -> json(service.summarize(reader.read(request, SummariesRequest.class))));
    }

    @Operation(summary = "One summary from several of one column (windows of time, shards)",
            description = "KLL sketches are merged by DataSketches (k of the first, fixed seed); histograms on the "
                    + "same edges and category counts are added; missing counts are added.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = SummariesRequest.Merge.class))))
    @ApiResponse(responseCode = "200", description = "The merged summary")
    @PostMapping(path = "/v1/summaries/merge", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SummaryJson merge(HttpServletRequest request) throws IOException {
        return admission.run(() -> {
            SummariesRequest.Merge merge = reader.read(request, SummariesRequest.Merge.class);
            return SummaryJson.of(service.merge(merge.summaries() == null ? null : merge.summaries().items()));
        });
    }

    private static SummariesRequest.Response json(Map<String, ColumnSummary> summaries) {
        Map<String, SummaryJson> columns = new LinkedHashMap<>();
        summaries.forEach((name, s) -> columns.put(name, SummaryJson.of(s)));
        return new SummariesRequest.Response(columns);
    }
}
