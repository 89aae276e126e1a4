package dev.tradedesk.core;

import java.util.List;

/**
 * A value's own check refusing its fields, named as the record names its components (which are
 * also their keys in the settings file). The message says why; {@link #fields()} says where, so a
 * reader of the settings file can point at the value the user wrote instead of at the object that
 * holds it, without looking for field names in the message.
 *
 * <p>Immutable.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> fields;

    /**
     * @param field   the refused field's name, such as {@code timeZone}
     * @param message why it is refused, in full
     */
    public InvalidFieldException(String field, String message) {
        this(List.of(field), message);
    }

    /**
     * @param fields  the fields the refusal concerns, in the order the message names them; one at least
     *                ({@code baseLower, baseUpper} when one must be below the other)
     * @param message why they are refused, in full
     */
    public InvalidFieldException(List<String> fields, String message) {
        super(message);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field: " + message);
        }
        this.fields = List.copyOf(fields);
    }

    /** The fields the refusal concerns, in the order its message names them; never empty. */
    public List<String> fields() {
        return fields;
    }
}
