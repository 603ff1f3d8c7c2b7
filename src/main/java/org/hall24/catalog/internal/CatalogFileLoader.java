package org.hall24.catalog.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hall24.catalog.Category;
import org.hall24.catalog.Department;
import org.hall24.catalog.FieldViolation;
import org.hall24.catalog.ServiceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the catalog's data files at start-up and upserts them by item code and version: a version
 * the database lacks is stored (and becomes current if it is the newest); a version already
 * stored is left alone. A file that breaks a rule stops start-up with the file, the item code and
 * the field named, and nothing of it is stored.
 *
 * <p>A file-sourced version is immutable: editing an item in a file without raising its version
 * is refused, because filings pin versions. An admin edit that already took a version number the
 * file now uses wins, with a warning: the file must move past it.
 */
@Component
@Order(10)
class CatalogFileLoader implements ApplicationRunner {

    static final String ACTOR = "catalog-file";
    private static final Logger log = LoggerFactory.getLogger(CatalogFileLoader.class);

    private final CatalogProperties properties;
    private final ServiceItems store;
    private final CatalogService catalog;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Clock clock;

    CatalogFileLoader(CatalogProperties properties, ServiceItems store, CatalogService catalog, MessageSource messages,
            TransactionTemplate tx, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.catalog = catalog;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Result result = load(properties.location());
        log.info("Catalog files in {}: {} categories, {} departments, {} items; {} versions stored, {} already present",
                properties.location(), result.categories(), result.departments(), result.items(), result.stored(),
                result.present());
    }

    record Result(int categories, int departments, int items, int stored, int present) {
    }

    Result load(String location) {
        CatalogFiles.Contents contents = readChecked(location, messages);
        Result result = tx.execute(status -> store(contents));
        catalog.invalidate();
        return result;
    }

    /**
     * Reads the files and checks every item against the catalog rules, without touching the
     * database.
     *
     * @throws CatalogFileException naming the file, item and field of the first problem
     */
    static CatalogFiles.Contents readChecked(String location, MessageSource messages) {
        CatalogFiles.Contents contents = CatalogFiles.read(location);
        check(contents, messages);
        return contents;
    }

    private static void check(CatalogFiles.Contents contents, MessageSource messages) {
        var rules = new ServiceItemRules(
                contents.categories().stream().map(Category::code).collect(Collectors.toSet()),
                contents.departments().stream().map(d -> d.department().code()).collect(Collectors.toSet()));
        Map<String, String> seen = new HashMap<>();
        Map<String, String> departmentFiles = new HashMap<>();
        for (CatalogFiles.DepartmentFile file : contents.departments()) {
            String other = departmentFiles.put(file.department().code(), file.file());
            if (other != null) {
                throw new CatalogFileException(file.file(), null, "department.code",
                        "department " + file.department().code() + " is already defined in " + other);
            }
            for (ServiceItem item : file.items()) {
                String first = seen.put(item.code(), file.file());
                if (first != null) {
                    throw new CatalogFileException(file.file(), item.code(), "code", "duplicate code, first defined in " + first);
                }
                List<FieldViolation> violations = rules.check(item);
                if (!violations.isEmpty()) {
                    FieldViolation v = violations.get(0);
                    throw new CatalogFileException(file.file(), item.code(), v.field(),
                            messages.getMessage(v.messageKey(), v.arguments().toArray(), v.messageKey(), Locale.ENGLISH));
                }
            }
        }
    }

    private Result store(CatalogFiles.Contents contents) {
        store.lockForLoading();
        store.saveCategories(contents.categories());
        int stored = 0;
        int present = 0;
        int reordered = 0;
        int items = 0;
        for (CatalogFiles.DepartmentFile file : contents.departments()) {
            Department department = file.department();
            store.saveDepartment(department);
            for (ServiceItem item : file.items()) {
                items++;
                Optional<ServiceItems.StoredVersion> existing = store.version(item.code(), item.version());
                if (existing.isEmpty()) {
                    Optional<Integer> current = store.lockCurrentVersion(item.code());
                    ServiceItem previous = current.flatMap(v -> store.version(item.code(), v))
                            .map(ServiceItems.StoredVersion::item).orElse(null);
                    ServiceItem next = item.withRetired(previous != null && previous.retired());
                    store.insert(next, ServiceItems.Source.FILE, ACTOR, CatalogService.changedFields(previous, next),
                            clock.instant());
                    stored++;
                    continue;
                }
                present++;
                ServiceItem storedItem = existing.get().item().withRetired(false);
                if (storedItem.equals(item)) {
                    if (existing.get().source() == ServiceItems.Source.FILE
                            && store.restoreWrittenOrder(item.withRetired(existing.get().item().retired()))) {
                        reordered++;
                    }
                    continue;
                }
                if (existing.get().source() == ServiceItems.Source.FILE) {
                    throw new CatalogFileException(file.file(), item.code(), "version",
                            "version " + item.version() + " was changed (" + String.join(", ",
                                    CatalogService.changedFields(storedItem, item))
                                    + ") without raising its version; a published version is immutable");
                }
                log.warn("Catalog file {}: item {} version {} differs from the admin's edit stored under that version; "
                        + "the admin's edit stays current. Give the file a higher version to replace it.",
                        file.file(), item.code(), item.version());
            }
        }
        if (reordered > 0) {
            log.info("Catalog files: {} stored version(s) took back the order of their file (their forms' fields)", reordered);
        }
        if (stored > 0 || reordered > 0) {
            store.bumpRevision();
        }
        return new Result(contents.categories().size(), contents.departments().size(), items, stored, present);
    }
}
