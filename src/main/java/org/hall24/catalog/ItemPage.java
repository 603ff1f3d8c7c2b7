package org.hall24.catalog;

import java.util.List;

/**
 * One page of a catalog search, best match first (or by code when there is no text).
 *
 * @param items the items of this page
 * @param page zero-based page number
 * @param size the page size asked for
 * @param total how many items match in all
 */
public record ItemPage(List<ServiceItem> items, int page, int size, long total) {

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
