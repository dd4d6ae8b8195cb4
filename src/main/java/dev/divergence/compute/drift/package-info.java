/**
 * Two-sample drift tests on primitive arrays, written to reproduce Evidently 0.7's stattests (and the SciPy 1.10
 * and NumPy 1.24 routines they call) to the last bits where the algorithm allows: numpy's Sturges binning,
 * per-value shares with Evidently's zero replacement, PSI, KL, Jensen–Shannon, Hellinger, normed Wasserstein,
 * energy distance, and the K-S, χ², G, z, t, Mann–Whitney, Anderson–Darling, Cramér–von Mises, Epps–Singleton,
 * Fisher and total-variation permutation tests. Numerical samples come in sorted ascending and finite;
 * categorical data as aligned counts per category.
 */
package dev.divergence.compute.drift;
