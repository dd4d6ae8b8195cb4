package dev.divergence.discrete;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/v1/divergences", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Discrete distributions", description = "KL divergence and related metrics between two discrete distributions")
class DiscreteController {

    private final DiscreteDivergenceService service;

    DiscreteController(DiscreteDivergenceService service) {
        this.service = service;
    }

    @Operation(summary = "Divergences between two discrete distributions",
            description = "KL(P‖Q) and the whole metric bundle for probability vectors, counts, log-probabilities, "
                    + "logits or maps keyed by category. Every metric is defined in the repository's docs/metrics.md.")
    @ApiResponse(responseCode = "200", description = "The divergences")
    @PostMapping(path = "/discrete", consumes = MediaType.APPLICATION_JSON_VALUE)
    DiscreteResponse discrete(@RequestBody DiscreteRequest request) {
        return DiscreteResponse.of(service.evaluate(request.pair(), request.options()));
    }

    @Operation(summary = "Divergences for many pairs at once",
            description = "Each pair is compared with the same options; results come in request order. An invalid "
                    + "pair rejects the whole request, with pointers such as /pairs/3/q/2.")
    @ApiResponse(responseCode = "200", description = "One result per pair")
    @PostMapping(path = "/discrete/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    BatchResponse batch(@RequestBody BatchRequest request) {
        return new BatchResponse(
                DiscreteResponse.ofAll(service.evaluateBatch(request.servicePairs(), request.options())));
    }
}
