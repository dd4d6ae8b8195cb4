/**
 * {@code POST /v1/drift}: data drift across the columns of a reference and a current window, Evidently 0.7's
 * {@code DataDriftPreset} by default. The windows stream into primitive columns ({@link
 * dev.divergence.drift.DataWindowDeserializer}); each column gets a type, a method and a threshold
 * ({@link dev.divergence.drift.ColumnPlan}), is tested in parallel ({@link dev.divergence.drift.DriftService},
 * {@link dev.divergence.drift.ColumnTester}, the math in {@code compute.drift}), and the dataset verdict follows.
 */
package dev.divergence.drift;
