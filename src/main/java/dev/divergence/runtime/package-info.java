/** The compute gate (bulkhead and deadline around every computation) and the service's own Micrometer meters. */
package dev.divergence.runtime;
