package dev.divergence.drift;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Drift", description = "Data drift across the columns of two windows, Evidently's defaults")
class DriftController {

    private final DriftService service;
    private final DriftRequestReader reader;
    private final DriftAdmission admission;

    DriftController(DriftService service, DriftRequestReader reader, DriftAdmission admission) {
        this.service = service;
        this.reader = reader;
        this.admission = admission;
    }

    @Operation(summary = "Which columns drifted between a reference and a current window, and did the dataset",
            description = "By default Evidently 0.7's DataDriftPreset: column types inferred from the current "
                    + "window, the test chosen per column from its type, the reference size and the distinct "
                    + "values, Evidently's thresholds and comparison directions, and dataset drift when the share "
                    + "of drifted columns reaches driftShare. Methods, thresholds, bins, missing-value handling "
                    + "and a multiple-testing correction are options. With Accept: text/html the answer is a "
                    + "self-contained HTML report: the verdict and each column's distributions on one chart.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = DriftRequest.class))))
    @ApiResponse(responseCode = "200", description = "Per-column results and the dataset verdict")
    @PostMapping(path = "/v1/drift", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    DriftResponse drift(HttpServletRequest request) throws IOException {
        return admission.run(() -> service.evaluate(reader.read(request)));
    }

    @Operation(summary = "The same drift request answered as a self-contained HTML report",
            description = "Send Accept: text/html: one HTML file without scripts or external resources, with the "
                    + "dataset verdict, the columns sorted by how far past their thresholds they are, and each "
                    + "column's reference and current distributions on one chart.", hidden = true)
    @PostMapping(path = "/v1/drift", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    String driftReport(HttpServletRequest request) throws IOException {
        return admission.run(() -> {
            DriftService.DriftReport report = service.report(reader.read(request));
            return DriftReportPage.render(report.response(), report.charts());
        });
    }
}
