package dev.divergence.web.json;

import dev.divergence.runtime.RequestMemory;
import tools.jackson.databind.util.ArrayBuilders;

/**
 * An append-only sequence of primitive doubles for readers of JSON arrays of unknown length, ending in one
 * {@code double[]} of exactly the number of entries.
 *
 * <p>A cursor over Jackson's {@link ArrayBuilders.DoubleBuilder}, the chunked builder of Jackson's own
 * {@code double[]} deserializer: entries go into the current chunk, which {@link NumericArrayParser} can fill in
 * bulk; a full chunk is handed to the builder, which returns the next, larger one (doubling up to 16,384 entries,
 * then growing by a quarter). A long array is thus never copied while it grows; {@link #toArray()} copies each
 * entry once. For 10^6 entries the largest chunk holds about 229,000 entries (1.8 MB), below G1's humongous
 * threshold with its default region size on this service's heaps.
 *
 * <p>Every new chunk and the final array are charged to the request's working memory ({@link RequestMemory}), so
 * a body's arrays are admitted against the heap budget while they stream in (8 bytes an entry in the chunks and 8 in
 * the final array).
 *
 * <p>Not thread-safe; one instance per array being read.
 */
public final class DoubleArrayBuilder {

    private final ArrayBuilders.DoubleBuilder chunks = new ArrayBuilders.DoubleBuilder();
    /** The chunk being filled. */
    private double[] chunk = chunks.resetAndStart();
    /** Entries used in {@link #chunk}. */
    private int used;

    /** @return how many entries have been appended */
    public int size() {
        return chunks.bufferedSize() + used;
    }

    /** Appends one entry. */
    public void add(double value) {
        if (used == chunk.length) {
            nextChunk();
        }
        chunk[used++] = value;
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
            used = parser.readNumbers(chunk, used);
            if (used < chunk.length) {
                return size() - before;
            }
            nextChunk();
        }
    }

    /** @return a new array of length {@link #size()} with the entries in order */
    public double[] toArray() {
        RequestMemory.charge(8L * size());
        return chunks.completeAndClearBuffer(chunk, used);
    }

    private void nextChunk() {
        chunk = chunks.appendCompletedChunk(chunk, used);
        RequestMemory.charge(8L * chunk.length);
        used = 0;
    }
}
