package dev.divergence.parametric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notes about batch elements, each said once with the elements it concerns: in a batch, "KL is infinite because…"
 * names the elements it is about, so it is not read as a statement about the whole batch (issue 17, item 7). A
 * note shared by many elements lists the first few and counts the rest; a note about the only element of an
 * unbatched pair is said as it is.
 */
final class BatchNotes {

    /** Elements named per note; the others are counted. */
    private static final int LISTED = 5;

    private final int[] batch;
    private final Map<String, List<Integer>> notes = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** @param batch the broadcast batch shape ({} for a single pair) */
    BatchNotes(int[] batch) {
        this.batch = batch;
    }

    /** Records a note about one element (its flat, row-major index). */
    void add(String note, int element) {
        List<Integer> listed = notes.computeIfAbsent(note, k -> new ArrayList<>(LISTED));
        if (listed.size() < LISTED) {
            listed.add(element);
        }
        counts.merge(note, 1, Integer::sum);
    }

    /** Records a note about the whole request. */
    void addForAll(String note) {
        notes.putIfAbsent(note, null);
    }

    /** Forgets the element notes, keeping those about the whole request. */
    void clearElementNotes() {
        notes.values().removeIf(v -> v != null);
        counts.clear();
    }

    /** @return the notes, each with the elements it concerns when the request has a batch */
    List<String> render() {
        List<String> out = new ArrayList<>(notes.size());
        for (Map.Entry<String, List<Integer>> e : notes.entrySet()) {
            if (e.getValue() == null || Shapes.size(batch) == 1 && batch.length == 0) {
                out.add(e.getKey());
                continue;
            }
            int count = counts.get(e.getKey());
            int[] index = new int[batch.length];
            StringBuilder which = new StringBuilder(count == 1 ? "batch element " : "batch elements ");
            for (int i = 0; i < e.getValue().size(); i++) {
                Shapes.unravel(e.getValue().get(i), batch, index);
                which.append(i == 0 ? "" : ", ").append(Arrays.toString(index));
            }
            if (count > e.getValue().size()) {
                which.append(" and ").append(count - e.getValue().size()).append(" more");
            }
            out.add(which + ": " + e.getKey());
        }
        return out;
    }
}
