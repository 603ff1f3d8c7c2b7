package org.hall24.catalog;

import java.util.Set;

import org.hall24.device.DeviceType;
import org.jspecify.annotations.Nullable;

/**
 * A search of the catalog. Every criterion is optional; those given must all match.
 *
 * @param text Chinese text, pinyin initials ("sfz"), full pinyin ("shenfenzheng"), English words or a code
 * @param category a category code
 * @param department a department code
 * @param scope 全国通办 / 全市通办 / local
 * @param deviceTypes only items one of these device types handles; empty for any
 * @param includeRetired whether retired items are included (admin views)
 * @param page zero-based page number
 * @param size items per page, 1 to {@link #MAX_SIZE}
 */
public record ItemQuery(
        @Nullable String text,
        @Nullable String category,
        @Nullable String department,
        @Nullable Scope scope,
        Set<DeviceType> deviceTypes,
        boolean includeRetired,
        int page,
        int size) {

    public static final int MAX_SIZE = 200;

    public ItemQuery {
        deviceTypes = Set.copyOf(deviceTypes);
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    /** All current items matching the text, first page of at most {@code size}. */
    public static ItemQuery text(@Nullable String text, int size) {
        return new ItemQuery(text, null, null, null, Set.of(), false, 0, size);
    }

    /** Every current (not retired) item. */
    public static ItemQuery all() {
        return new ItemQuery(null, null, null, null, Set.of(), false, 0, MAX_SIZE);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
