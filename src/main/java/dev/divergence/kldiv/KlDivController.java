package dev.divergence.kldiv;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "PyTorch kl_div", description = "torch.nn.functional.kl_div / KLDivLoss semantics in float64")
class KlDivController {

    private final KlDivService service;

    KlDivController(KlDivService service) {
        this.service = service;
    }

    @Operation(summary = "torch.nn.functional.kl_div(input, target, reduction, log_target)",
            description = "Pointwise target·(ln target − input) (0 where target = 0), or exp(target)·(target − input) "
                    + "with logTarget; reductions none, sum, mean (torch's default) and batchmean. No normalization. "
                    + "kl_div(input, target) is KL(target ‖ exp(input)): input holds log-probabilities.")
    @ApiResponse(responseCode = "200", description = "The loss")
    @PostMapping(path = "/v1/divergences/kl-div", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    KlDivResponse klDiv(@RequestBody KlDivRequest request) {
        return KlDivResponse.of(service.evaluate(request.input(), request.target(), request.reduction(),
                request.logTarget()));
    }
}
