package org.hall24.catalog;

import java.util.List;

/**
 * A new version of an item is live (created, edited, retired or reinstated).
 *
 * @param code the item
 * @param version the new version
 * @param actor who published it ({@code catalog-file} for a data file)
 * @param changedFields the fields that differ from the previous version
 */
public record ServiceItemPublished(String code, int version, String actor, List<String> changedFields) {
}
