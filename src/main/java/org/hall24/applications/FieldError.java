package org.hall24.applications;

/**
 * What is wrong with one submitted field.
 *
 * @param field the HTML field name ({@code members[1].idNumber}); for a repeating group as a whole
 *              (too few rows), its name ({@code members})
 * @param message a sentence in the requested language, for the screen beside the field
 */
public record FieldError(String field, String message) {
}
