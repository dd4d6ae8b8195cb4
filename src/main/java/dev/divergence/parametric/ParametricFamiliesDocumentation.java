package dev.divergence.parametric;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Appends the table of parametric families and their parameters, generated from {@link ParametricFamilies}, to
 * the description of {@code POST /v1/divergences/parametric}, so Swagger UI always shows what the service accepts.
 */
@Component
class ParametricFamiliesDocumentation implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get("/v1/divergences/parametric");
        Operation post = path == null ? null : path.getPost();
        if (post == null) {
            return;
        }
        StringBuilder table = new StringBuilder("\n\n| family | parameters (torch's names) | alternatives |\n|---|---|---|\n");
        for (ParametricFamilies.Family f : ParametricFamilies.all().values()) {
            table.append("| ").append(f.name()).append(" | ")
                    .append(f.parameters().stream().map(p -> p.name() + kind(p.eventRank())
                            + (Double.isNaN(p.defaultValue()) ? "" : " = " + format(p.defaultValue())))
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(f.alternatives().stream().map(g -> String.join(" \\| ", g))
                            .collect(Collectors.joining("; ")))
                    .append(" |\n");
        }
        post.setDescription(post.getDescription() + table);
    }

    private static String kind(int eventRank) {
        return switch (eventRank) {
            case -1 -> " (distribution)";
            case 1 -> " (vector)";
            case 2 -> " (matrix)";
            default -> "";
        };
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
