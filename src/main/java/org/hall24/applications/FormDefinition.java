package org.hall24.applications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The render model of an item's form: its fields in schema order, labels in one language.
 *
 * @param itemCode the item
 * @param itemVersion the item version the form belongs to
 * @param fields the top-level fields; groups and repeating groups hold their own
 */
public record FormDefinition(String itemCode, int itemVersion, List<FormField> fields) {

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    /** Every field, groups' and row 0's fields included, depth first. */
    public List<FormField> allFields() {
        List<FormField> all = new ArrayList<>();
        collect(fields, all);
        return all;
    }

    /** The field with this HTML name (row 0 for repeating groups). */
    public Optional<FormField> field(String name) {
        return allFields().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static void collect(List<FormField> fields, List<FormField> into) {
        for (FormField f : fields) {
            into.add(f);
            collect(f.fields(), into);
        }
    }
}
