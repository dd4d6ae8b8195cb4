/** GET /v1/capabilities: what this instance supports (metrics, inputs, estimators, families, closed-form pairs, limits). */
package dev.divergence.capabilities;
