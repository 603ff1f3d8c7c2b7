package org.hall24.catalog;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The catalog's API: read and search the current items, read pinned versions, and publish
 * changes. Reads see a change as soon as it is committed, on every node.
 */
public interface Catalog {

    List<Category> categories();

    List<Department> departments();

    Optional<Category> category(String code);

    Optional<Department> department(String code);

    /** The current version of an item, retired or not. */
    Optional<ServiceItem> item(String code);

    /** A given version of an item, as a filing pinned it. */
    Optional<ServiceItem> item(String code, int version);

    /** Items matching the query, best match first. */
    ItemPage search(ItemQuery query);

    /** How many current items there are, retired ones excluded. */
    int size();

    /**
     * Publishes an item: a new item (version 1) or the next version of an existing one.
     *
     * @param item the definition; its version is ignored and assigned here
     * @param basedOnVersion the version the editor started from, {@code null} for a new item
     * @param actor who publishes, for the change record
     * @return the published version
     * @throws InvalidServiceItemException if the definition breaks a catalog rule
     * @throws StaleItemVersionException if the item changed since {@code basedOnVersion}
     */
    ServiceItem publish(ServiceItem item, @Nullable Integer basedOnVersion, String actor);

    /** Retires or reinstates an item, as a new version. */
    ServiceItem setRetired(String code, boolean retired, String actor);

    /** Every change of an item, newest first. */
    List<ItemChange> history(String code);

    /** Checks a definition without saving it. */
    List<FieldViolation> validate(ServiceItem item);
}
