/**
 * The math, on primitive arrays: discrete divergences and their fused kernel, {@code kl_div}, probability-vector
 * helpers, cancellation. No Spring, no Jackson: it depends on the JDK and the Commons Numbers, Statistics and RNG
 * and Hipparchus jars only, and could ship as a library.
 */
package dev.divergence.compute;
