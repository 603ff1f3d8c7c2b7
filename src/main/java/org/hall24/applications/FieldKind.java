package org.hall24.applications;

/** How a form field is shown and entered. */
public enum FieldKind {
    /** One line of text. */
    TEXT,
    /** Several lines of text (a string with {@code maxLength} above 100). */
    TEXTAREA,
    /** One of a list ({@code enum} with {@code x-enum-titles}). */
    SELECT,
    /** A date ({@code format: date}), entered as {@code yyyy-MM-dd}. */
    DATE,
    /** A whole number. */
    INTEGER,
    /** A decimal number. */
    NUMBER,
    /** Yes or no. */
    BOOLEAN,
    /** An address: multi-line text ({@code x-format: address} or a property named like {@code *address*}). */
    ADDRESS,
    /** An object: a titled group of fields. */
    GROUP,
    /** An array of objects: rows of the same fields, between {@code minItems} and {@code maxItems}. */
    REPEAT
}
