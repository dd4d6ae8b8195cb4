package dev.divergence.web;

/** Maps a request path to the low-cardinality {@code endpoint} tag of the service's meters. */
final class Endpoints {

    private Endpoints() {
    }

    static String of(String path) {
        if (path == null) {
            return "other";
        }
        return switch (path) {
            case "/v1/divergences/discrete" -> "discrete";
            case "/v1/divergences/discrete/batch" -> "discrete-batch";
            case "/v1/divergences/kl-div" -> "kl-div";
            case "/v1/divergences/parametric" -> "parametric";
            case "/v1/divergences/samples" -> "samples";
            case "/v1/capabilities" -> "capabilities";
            case "/v1/drift" -> "drift";
            case "/v1/summaries" -> "summaries";
            case "/v1/summaries/merge" -> "summaries-merge";
            default -> "other";
        };
    }
}
