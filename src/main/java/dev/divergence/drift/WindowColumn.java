package dev.divergence.drift;

/**
 * One column of one window: its values as sent ({@link RawColumn}) or a summary of them ({@link ColumnSummary}).
 */
public sealed interface WindowColumn permits RawColumn, ColumnSummary {

    /** @return entries the column stands for, missing ones included */
    long entries();

    /** @return missing entries */
    long missingEntries();

    /** @return ±∞ entries (dropped before a test); a summary counts them as missing */
    int infiniteEntries();

    /** @return whether no value is left to test (only missing entries) */
    boolean isEmpty();

    /** @return the numbers the column holds in memory (raw values, sketch items, bins or categories) */
    long size();
}
