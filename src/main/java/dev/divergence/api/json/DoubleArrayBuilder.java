package dev.divergence.api.json;

import java.util.Arrays;

/**
 * An append-only sequence of primitive doubles for readers of JSON arrays of unknown length, ending in one
 * {@code double[]} of exactly the number of entries.
 *
 * <p>Up to {@value #CHUNK} entries it is a single array that doubles as it fills. Beyond that it keeps a list of
 * fixed chunks of {@value #CHUNK} entries (256 KiB), so a long array is never copied while it grows and no
 * intermediate array is larger than a chunk: below half of G1's smallest region (1 MiB), so none is a
 * "humongous" object allocated straight into the old generation. {@link #toArray()} then copies each entry once.
 * A 10^6-entry array thus allocates 8 MB of chunks and its 8 MB result, where doubling allocated 16 MB in growing
 * (the larger steps humongous) and 8 MB more to trim.
 *
 * <p>Not thread-safe; one instance per array being read.
 */
public final class DoubleArrayBuilder {

    /** Entries per chunk once the sequence outgrows a single doubling array. */
    static final int CHUNK = 1 << 15;

    private static final int INITIAL_CAPACITY = 16;

    /** Full chunks, each {@link #CHUNK} entries, in order. */
    private double[][] chunks = new double[4][];
    private int chunkCount;
    /** The array being filled: the only one until the first chunk is full. */
    private double[] current = new double[INITIAL_CAPACITY];
    /** Entries used in {@link #current}. */
    private int used;

    /** @return how many entries have been appended */
    public int size() {
        return chunkCount * CHUNK + used;
    }

    /** Appends one entry. */
    public void add(double value) {
        if (used == current.length) {
            grow();
        }
        current[used++] = value;
    }

    /**
     * Appends the plain numbers that follow in the array {@code parser} is in, as far as
     * {@link NumericArrayParser#readNumbers(double[], int)} can read them.
     *
     * @param parser a parser inside an array
     * @return how many entries were appended (0 when the next element needs the parser's {@code nextToken()})
     */
    public int addFrom(NumericArrayParser parser) {
        int before = size();
        while (true) {
            used = parser.readNumbers(current, used);
            if (used < current.length) {
                return size() - before;
            }
            grow();
        }
    }

    /** @return a new array of length {@link #size()} with the entries in order (this builder's own when exact) */
    public double[] toArray() {
        if (chunkCount == 0) {
            return used == current.length ? current : Arrays.copyOf(current, used);
        }
        double[] out = new double[size()];
        for (int c = 0; c < chunkCount; c++) {
            System.arraycopy(chunks[c], 0, out, c * CHUNK, CHUNK);
        }
        System.arraycopy(current, 0, out, chunkCount * CHUNK, used);
        return out;
    }

    private void grow() {
        if (current.length < CHUNK) {
            current = Arrays.copyOf(current, Math.min(CHUNK, current.length * 2));
            return;
        }
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount++] = current;
        current = new double[CHUNK];
        used = 0;
    }
}
