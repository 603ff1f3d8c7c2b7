package org.hall24.catalog.web;

import java.util.List;
import java.util.Set;

import org.hall24.catalog.Catalog;
import org.hall24.catalog.Category;
import org.hall24.catalog.Department;
import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.Scope;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceType;
import org.hall24.platform.ApiParameters;
import org.hall24.platform.InvalidParameterException;
import org.hall24.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public, read-only API of the service catalog. Every query parameter is checked before the
 * catalog is asked, and a request with any bad or unknown parameter is refused as a whole, naming
 * each offending parameter.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalog", description = "Service items (事项) of the hall, their categories and departments.")
class ApiItemsController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_TEXT_LENGTH = 100;

    private static final List<String> ITEM_FILTERS =
            List.of("q", "category", "department", "scope", "deviceType", "page", "size");

    private final Catalog catalog;

    ApiItemsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/items")
    @Operation(summary = "Search the service items",
            description = "Current items that are not retired, matching every filter given; best match first when "
                    + "`q` is given, by code otherwise. Any unknown parameter is refused.")
    ItemList items(
            @Parameter(description = "Text to look for: Chinese (驾驶证), pinyin initials (jsz), full pinyin "
                    + "(jiashizheng), English words or an item code. At most 100 characters.")
            @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "A category code, as listed by `/api/v1/categories`.")
            @RequestParam(required = false) @Nullable String category,
            @Parameter(description = "A department code, as listed by `/api/v1/departments`.")
            @RequestParam(required = false) @Nullable String department,
            @Parameter(description = "Where the item can be handled: NATIONWIDE (全国通办), CITYWIDE (全市通办) or LOCAL.",
                    schema = @Schema(implementation = Scope.class))
            @RequestParam(required = false) @Nullable String scope,
            @Parameter(description = "Only items that a device of this type can handle.",
                    schema = @Schema(implementation = DeviceType.class))
            @RequestParam(required = false) @Nullable String deviceType,
            @Parameter(description = "Zero-based page number.",
                    schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
            @RequestParam(required = false) @Nullable String page,
            @Parameter(description = "Items per page.",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) @Nullable String size,
            HttpServletRequest request) {
        ApiParameters parameters = new ApiParameters(request, ITEM_FILTERS);
        String text = parameters.text("q", q, MAX_TEXT_LENGTH);
        String categoryCode = parameters.text("category", category, Integer.MAX_VALUE);
        if (categoryCode != null && catalog.category(categoryCode).isEmpty()) {
            parameters.refuse("category", "no category has the code '" + categoryCode + "'");
        }
        String departmentCode = parameters.text("department", department, Integer.MAX_VALUE);
        if (departmentCode != null && catalog.department(departmentCode).isEmpty()) {
            parameters.refuse("department", "no department has the code '" + departmentCode + "'");
        }
        Scope scopeValue = parameters.constant("scope", scope, Scope.class);
        DeviceType type = parameters.constant("deviceType", deviceType, DeviceType.class);
        int pageNumber = parameters.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = parameters.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        parameters.check();

        ItemPage found = catalog.search(new ItemQuery(text, categoryCode, departmentCode, scopeValue,
                type == null ? Set.of() : Set.of(type), false, pageNumber, pageSize));
        return ItemList.of(found);
    }

    @GetMapping("/items/{code}")
    @Operation(summary = "One service item, in its current version",
            description = "Retired items are answered too, with `retired: true`.")
    ServiceItem item(@Parameter(description = "The item's code, e.g. WJ-0001.") @PathVariable String code,
            HttpServletRequest request) {
        new ApiParameters(request, List.of()).check();
        return catalog.item(code).orElseThrow(() -> new NotFoundException("No service item has the code '" + code + "'"));
    }

    @GetMapping("/items/{code}/versions/{version}")
    @Operation(summary = "One version of a service item", description = "As a filing pinned it.")
    ServiceItem itemVersion(@Parameter(description = "The item's code, e.g. WJ-0001.") @PathVariable String code,
            @Parameter(description = "The version number, 1 for the first.",
                    schema = @Schema(type = "integer", minimum = "1"))
            @PathVariable String version,
            HttpServletRequest request) {
        ApiParameters parameters = new ApiParameters(request, List.of());
        int number = parameters.integer("version", version, 0, 1, Integer.MAX_VALUE);
        parameters.check();
        return catalog.item(code, number).orElseThrow(
                () -> new NotFoundException("The service item '" + code + "' has no version " + number));
    }

    @GetMapping("/categories")
    @Operation(summary = "Every category of the catalog")
    List<Category> categories(HttpServletRequest request) {
        new ApiParameters(request, List.of()).check();
        return catalog.categories();
    }

    @GetMapping("/departments")
    @Operation(summary = "Every department that implements items")
    List<Department> departments(HttpServletRequest request) {
        new ApiParameters(request, List.of()).check();
        return catalog.departments();
    }

    /**
     * One page of items.
     *
     * @param items the items of this page, best match first
     * @param page the zero-based page number
     * @param size the page size asked for
     * @param total how many items match in all
     * @param totalPages how many pages of this size the matches fill
     */
    record ItemList(List<ServiceItem> items, int page, int size, long total, int totalPages) {

        static ItemList of(ItemPage page) {
            return new ItemList(page.items(), page.page(), page.size(), page.total(), page.totalPages());
        }
    }
}
