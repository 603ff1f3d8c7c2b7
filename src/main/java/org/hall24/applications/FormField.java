package org.hall24.applications;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of a generated form, in the order of the schema's properties.
 *
 * @param name the HTML field name: a path such as {@code phone}, {@code domicile.city} or, inside a
 *             repeating group, {@code members[0].name} (row 0; see {@link #rowFields(int)})
 * @param label the field's title in the requested language
 * @param kind how it is shown
 * @param required whether it must be filled
 * @param maxLength the most characters allowed, if limited
 * @param format {@code id-number}, {@code phone}, {@code credit-code} or {@code null}
 * @param keyboard the on-screen keyboard to offer: {@code pinyin}, {@code digits}, {@code id}, {@code phone},
 *                 {@code alpha}, {@code decimal}; {@code null} for fields without typing (select, boolean, groups)
 * @param prefill where the field's first value can come from, if anywhere
 * @param options the choices of a {@link FieldKind#SELECT}, in order
 * @param minItems the fewest rows of a {@link FieldKind#REPEAT} (0 when unlimited)
 * @param maxItems the most rows of a {@link FieldKind#REPEAT}, if limited
 * @param fields the fields of a {@link FieldKind#GROUP}, or of row 0 of a {@link FieldKind#REPEAT}
 */
public record FormField(String name, String label, FieldKind kind, boolean required, @Nullable Integer maxLength,
        @Nullable String format, @Nullable String keyboard, @Nullable Prefill prefill, List<Option> options,
        int minItems, @Nullable Integer maxItems, List<FormField> fields) {

    public FormField {
        options = List.copyOf(options);
        fields = List.copyOf(fields);
    }

    /** A choice of a select: the value submitted and the label shown. */
    public record Option(String value, String label) {
    }

    /**
     * The fields of one row of a repeating group, named for that row ({@code members[2].name}).
     *
     * @throws IllegalStateException if this is not a {@link FieldKind#REPEAT}
     */
    public List<FormField> rowFields(int row) {
        if (kind != FieldKind.REPEAT) {
            throw new IllegalStateException(name + " is not a repeating group");
        }
        String from = name + "[0]";
        String to = name + "[" + row + "]";
        return fields.stream().map(f -> f.renamed(from, to)).toList();
    }

    private FormField renamed(String from, String to) {
        return new FormField(to + name.substring(from.length()), label, kind, required, maxLength, format, keyboard,
                prefill, options, minItems, maxItems, fields.stream().map(f -> f.renamed(from, to)).toList());
    }
}
