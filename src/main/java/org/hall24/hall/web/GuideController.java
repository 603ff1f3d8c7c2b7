package org.hall24.hall.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hall24.catalog.Catalog;
import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.Scope;
import org.hall24.catalog.ServiceItem;
import org.hall24.device.DeviceStatus;
import org.hall24.device.DeviceStatuses;
import org.hall24.hall.Hall;
import org.hall24.hall.Halls;
import org.hall24.hall.PlacedDevice;
import org.hall24.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lobby guide (大厅自助查询): a visitor searches or browses the items this hall handles and
 * sees on the floor map which devices handle an item, where they stand and whether they are
 * available. Touch-first, large type, zh-CN first. One URL answers a whole page or, for an htmx
 * request, just the part that changed.
 */
@Controller
class GuideController {

    static final String HOME = "guide/home";
    static final String ITEM = "guide/item";
    static final String DEVICE = "guide/device";
    static final int PAGE_SIZE = 12;

    private final Halls halls;
    private final Catalog catalog;
    private final DeviceStatuses statuses;

    GuideController(Halls halls, Catalog catalog, DeviceStatuses statuses) {
        this.halls = halls;
        this.catalog = catalog;
        this.statuses = statuses;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/guide";
    }

    /** The default hall's guide, keeping the search a link or a bookmark carried (checked well-encoded by the platform). */
    @GetMapping("/guide")
    String guide(jakarta.servlet.http.HttpServletRequest request) {
        String query = request.getQueryString();
        return "redirect:/guide/" + halls.defaultHall().code() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    @GetMapping("/guide/{hallCode}")
    String home(@PathVariable String hallCode,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String scope,
            @RequestParam(defaultValue = "0") String page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            Model model) {
        Hall hall = hall(hallCode);
        String text = q == null ? null : q.strip();
        if (text != null && text.length() > 50) {
            text = text.substring(0, 50);
        }
        String categoryCode = category != null && catalog.category(category).isPresent() ? category : null;
        String departmentCode = department != null && catalog.department(department).isPresent() ? department : null;
        Scope scopeFilter = parseScope(scope);
        boolean searching = (text != null && !text.isEmpty()) || categoryCode != null || departmentCode != null
                || scopeFilter != null;
        model.addAttribute("hall", hall);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("category", categoryCode);
        model.addAttribute("department", departmentCode);
        model.addAttribute("scope", scopeFilter);
        model.addAttribute("searching", searching);
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("departments", catalog.departments());
        model.addAttribute("categoryNames", catalog.categories().stream()
                .collect(Collectors.toMap(c -> c.code(), c -> c.name())));
        model.addAttribute("departmentNames", catalog.departments().stream()
                .collect(Collectors.toMap(d -> d.code(), d -> d.name())));
        if (searching) {
            ItemPage results = catalog.search(new ItemQuery(text, categoryCode, departmentCode, scopeFilter,
                    hall.deviceTypes(), false, parsePage(page), PAGE_SIZE));
            model.addAttribute("results", results);
        }
        else {
            Map<String, Long> counts = countByCategory(hall);
            model.addAttribute("itemCount", counts.values().stream().mapToLong(Long::longValue).sum());
            model.addAttribute("categoryCounts", counts);
            model.addAttribute("statuses", statusesOf(hall));
            model.addAttribute("highlighted", Set.of());
        }
        return fragmentRequested(htmx, historyRestore) ? HOME + " :: results" : HOME;
    }

    @GetMapping("/guide/{hallCode}/items/{code}")
    String item(@PathVariable String hallCode, @PathVariable String code, Model model) {
        Hall hall = hall(hallCode);
        ServiceItem item = catalog.item(code).filter(i -> !i.retired())
                .orElseThrow(() -> new NotFoundException("No item " + code));
        List<PlacedDevice> devices = hall.devicesOf(item.deviceTypes());
        model.addAttribute("hall", hall);
        model.addAttribute("item", item);
        model.addAttribute("category", catalog.category(item.category()).orElse(null));
        model.addAttribute("department", catalog.department(item.department()).orElse(null));
        model.addAttribute("devices", devices);
        model.addAttribute("highlighted", devices.stream().map(PlacedDevice::code).collect(Collectors.toSet()));
        model.addAttribute("statuses", statusesOf(hall));
        return ITEM;
    }

    @GetMapping("/guide/{hallCode}/devices/{deviceCode}")
    String device(@PathVariable String hallCode, @PathVariable String deviceCode,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") String page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            Model model) {
        Hall hall = hall(hallCode);
        PlacedDevice device = hall.device(deviceCode).orElseThrow(() -> new NotFoundException("No device " + deviceCode));
        String text = q == null ? null : q.strip();
        ItemPage items = device.type().handlesItems()
                ? catalog.search(new ItemQuery(text, null, null, null, Set.of(device.type()), false, parsePage(page), PAGE_SIZE))
                : new ItemPage(List.of(), 0, PAGE_SIZE, 0);
        model.addAttribute("hall", hall);
        model.addAttribute("device", device);
        model.addAttribute("zone", hall.zone(device.zone()).orElse(null));
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("results", items);
        model.addAttribute("highlighted", Set.of(device.code()));
        model.addAttribute("statuses", statusesOf(hall));
        model.addAttribute("categoryNames", catalog.categories().stream()
                .collect(Collectors.toMap(c -> c.code(), c -> c.name())));
        return fragmentRequested(htmx, historyRestore) ? DEVICE + " :: results" : DEVICE;
    }

    /** An htmx request wants the changed part only, except when htmx restores a page from history. */
    private static boolean fragmentRequested(@Nullable String htmx, @Nullable String historyRestore) {
        return "true".equals(htmx) && !"true".equals(historyRestore);
    }

    private Hall hall(String code) {
        return halls.hall(code).orElseThrow(() -> new NotFoundException("No hall " + code));
    }

    private Map<String, DeviceStatus> statusesOf(Hall hall) {
        return hall.devices().stream().collect(Collectors.toMap(PlacedDevice::code, d -> statuses.statusOf(d.code())));
    }

    private Map<String, Long> countByCategory(Hall hall) {
        return allItems(hall).stream().collect(Collectors.groupingBy(ServiceItem::category, Collectors.counting()));
    }

    private List<ServiceItem> allItems(Hall hall) {
        List<ServiceItem> all = new ArrayList<>();
        int p = 0;
        ItemPage page;
        do {
            page = catalog.search(new ItemQuery(null, null, null, null, hall.deviceTypes(), false, p++, ItemQuery.MAX_SIZE));
            all.addAll(page.items());
        } while (page.hasNext());
        return all;
    }

    private static @Nullable Scope parseScope(@Nullable String scope) {
        if (scope == null || scope.isBlank()) {
            return null;
        }
        try {
            return Scope.valueOf(scope);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A visitor's page number; anything that is not a sensible page shows the first page. */
    private static int parsePage(String page) {
        try {
            int p = Integer.parseInt(page);
            return p < 0 || p > 10_000 ? 0 : p;
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
