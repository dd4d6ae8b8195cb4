package dev.divergence.compute.parametric;

import java.util.List;

/**
 * A KL divergence in closed form.
 *
 * @param value KL(P ‖ Q) in nats, in [0, ∞]
 * @param notes remarks a caller should see: why the value is infinite, where torch's answer differs
 */
public record ClosedForm(double value, List<String> notes) {

    static ClosedForm of(double value) {
        return new ClosedForm(value, List.of());
    }

    static ClosedForm infinite(String why) {
        return new ClosedForm(Double.POSITIVE_INFINITY, List.of(why));
    }

    ClosedForm withNote(String note) {
        return new ClosedForm(value, note == null ? notes
                : java.util.stream.Stream.concat(notes.stream(), java.util.stream.Stream.of(note)).toList());
    }
}
