package dev.divergence.api;

import java.util.List;

/**
 * One result per pair, in request order.
 *
 * @param results the results
 */
record BatchResponse(List<DiscreteResponse> results) {
}
