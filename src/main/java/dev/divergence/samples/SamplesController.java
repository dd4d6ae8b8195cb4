package dev.divergence.samples;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Samples", description = "KL from raw samples: counting, histograms, k-NN, Gaussian fit, bootstrap")
class SamplesController {

    private final SamplesService service;

    SamplesController(SamplesService service) {
        this.service = service;
    }

    @Operation(summary = "KL(p ‖ q) estimated from samples of P and Q",
            description = "Labels are counted (the discrete metric bundle of the frequencies). Real values: "
                    + "histogram (numpy's bin rules, quantile bins of p, open outer bins; plus Wasserstein-1 and the "
                    + "two-sample Kolmogorov–Smirnov test), the k-NN estimator of Wang, Kulkarni and Verdú (2009) "
                    + "for 1-D and d-dimensional points, or a Gaussian fit. bootstrap adds a percentile interval.")
    @ApiResponse(responseCode = "200", description = "The estimate")
    @PostMapping(path = "/v1/divergences/samples", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SamplesResponse samples(@RequestBody SamplesRequest request) {
        return SamplesResponse.of(service.evaluate(request.p(), request.q(), request.options()));
    }
}
