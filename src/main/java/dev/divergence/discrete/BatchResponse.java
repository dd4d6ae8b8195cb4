package dev.divergence.discrete;

import java.util.List;

/**
 * One result per pair, in request order.
 *
 * @param results the results
 */
record BatchResponse(List<DiscreteResponse> results) {
}
