package dev.divergence.validation;

import java.util.Arrays;
import java.util.List;

/**
 * A value of an enumerated request option (an input type, an estimator, a reduction, …) with the name requests
 * use for it. Each option is an enum implementing this: its names are written once, in the enum, and the JSON
 * binding, the OpenAPI schema and {@code /v1/capabilities} all read them from there.
 */
public interface OptionValue {

    /** @return the name in requests and answers, e.g. {@code logProbabilities} */
    String jsonName();

    /**
     * @param type the option's enum
     * @param option what the option is called in messages, e.g. {@code input type}
     * @param name the name a request gave
     * @param <E> the enum
     * @return the constant of that name
     * @throws UnknownOptionException if no constant has that name; its detail lists the allowed names
     */
    static <E extends Enum<E> & OptionValue> E parse(Class<E> type, String option, String name) {
        return parse(type, option, name, List.of());
    }

    /**
     * As {@link #parse(Class, String, String)}, for an option that also accepts other names (another tool's),
     * which the caller has already tried: the detail lists them after the option's own names.
     *
     * @param type the option's enum
     * @param option what the option is called in messages
     * @param name the name a request gave
     * @param aliases the other names accepted, for the detail
     * @param <E> the enum
     * @return the constant of that name
     * @throws UnknownOptionException if no constant has that name
     */
    static <E extends Enum<E> & OptionValue> E parse(Class<E> type, String option, String name,
            List<String> aliases) {
        for (E value : type.getEnumConstants()) {
            if (value.jsonName().equals(name)) {
                return value;
            }
        }
        throw new UnknownOptionException("unknown " + option + " \"" + name + "\"; expected one of "
                + String.join(", ", names(type)) + (aliases.isEmpty() ? ""
                        : " (or one of the aliases " + String.join(", ", aliases) + ")"));
    }

    /** @return the names of every constant, in declaration order */
    static <E extends Enum<E> & OptionValue> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(OptionValue::jsonName).toList();
    }

    /** A name that is not one of an option's values: a 400 {@code invalid-option} at the option's pointer. */
    final class UnknownOptionException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        UnknownOptionException(String detail) {
            super(detail);
        }
    }
}
