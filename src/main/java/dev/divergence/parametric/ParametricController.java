package dev.divergence.parametric;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Parametric", description = "KL between torch.distributions families: closed forms and Monte Carlo")
class ParametricController {

    private final ParametricService service;

    ParametricController(ParametricService service) {
        this.service = service;
    }

    @Operation(summary = "KL(p ‖ q) between parametric distributions (torch.distributions.kl_divergence and beyond)",
            description = "Families and parameters by torch.distributions names (GET /v1/capabilities lists them and "
                    + "every pair with a closed form). Every pair registered in torch's kl.py has a closed form, plus "
                    + "LogNormal, HalfCauchy, Chi2, Weibull, StudentT and more; +Infinity when p's support is not "
                    + "inside q's. Array-valued parameters broadcast like torch and give an array of KL values. "
                    + "method monteCarlo (or auto for pairs without a closed form, e.g. mixtures) returns a seeded "
                    + "estimate with its standard error.")
    @ApiResponse(responseCode = "200", description = "KL(p ‖ q) per batch element")
    @PostMapping(path = "/v1/divergences/parametric", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ParametricResponse parametric(@RequestBody ParametricRequest request) {
        ParametricRequest.MonteCarloOptions mc = request.monteCarlo();
        return ParametricResponse.of(service.evaluate(request.p(), request.q(), request.base(), request.method(),
                mc == null ? null : mc.samples(), mc == null ? null : mc.seed()));
    }
}
