package org.hall24.catalog.internal;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hall24.catalog.Catalog;
import org.hall24.catalog.Category;
import org.hall24.catalog.Department;
import org.hall24.catalog.FieldViolation;
import org.hall24.catalog.InvalidServiceItemException;
import org.hall24.catalog.ItemChange;
import org.hall24.catalog.ItemPage;
import org.hall24.catalog.ItemQuery;
import org.hall24.catalog.ServiceItem;
import org.hall24.catalog.ServiceItemPublished;
import org.hall24.catalog.StaleItemVersionException;
import org.hall24.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The catalog behind {@link Catalog}. Reads come from an in-memory snapshot that is rebuilt when
 * the stored revision moves (checked at most once a second), so an edit on any node reaches every
 * node's guide without a restart.
 * <p>
 * Reads never lock: a reader takes the current snapshot from a volatile field. When the snapshot is
 * due for a check, the one reader that wins a compare-and-set looks at the stored revision (and
 * reloads if it moved) while every other reader goes on with the snapshot it has and never waits on
 * the database. Only the very first load, when there is nothing to read yet, makes readers wait.
 * Thread-safe.
 */
@Service
class CatalogService implements Catalog {

    static final long REVISION_CHECK_MILLIS = 1000;

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final ServiceItems store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private volatile @Nullable Snapshot snapshot;
    /** When the stored revision was last looked at. */
    private volatile long checkedAt;
    /** Counts {@link #invalidate()} calls; a check that began before the latest one does not count as fresh. */
    private final AtomicLong invalidations = new AtomicLong();
    private volatile long checkedInvalidation;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final Object firstLoad = new Object();

    CatalogService(ServiceItems store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    private record Snapshot(long revision, List<Category> categories, List<Department> departments,
            Map<String, ServiceItem> items, SearchIndex index) {
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (firstLoad) {
                current = snapshot;
                if (current == null) {
                    long invalidation = invalidations.get();
                    current = load(store.revision());
                    snapshot = current;
                    checked(invalidation);
                }
                return current;
            }
        }
        if (!due() || !refreshing.compareAndSet(false, true)) {
            return current;
        }
        try {
            if (!due()) {
                return snapshot;
            }
            long invalidation = invalidations.get();
            long revision = store.revision();
            if (revision != current.revision()) {
                current = load(revision);
                snapshot = current;
            }
            checked(invalidation);
            return current;
        }
        catch (RuntimeException e) {
            log.warn("Catalog revision check failed; the catalog in memory is used until the next check", e);
            return current;
        }
        finally {
            refreshing.set(false);
        }
    }

    private boolean due() {
        return clock.millis() - checkedAt >= REVISION_CHECK_MILLIS || checkedInvalidation != invalidations.get();
    }

    private void checked(long invalidation) {
        checkedInvalidation = invalidation;
        checkedAt = clock.millis();
    }

    private Snapshot load(long revision) {
        List<Category> categories = store.categories();
        List<Department> departments = store.departments();
        List<ServiceItem> items = store.current();
        return new Snapshot(revision, categories, departments,
                items.stream().collect(Collectors.toUnmodifiableMap(ServiceItem::code, Function.identity())),
                new SearchIndex(items, categories, departments));
    }

    /**
     * Makes the next read look at the stored revision; inside a transaction, the first read after its
     * commit too (a read before the commit still sees the old revision).
     */
    void invalidate() {
        invalidations.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidations.incrementAndGet();
                }
            });
        }
    }

    @Override
    public List<Category> categories() {
        return snapshot().categories();
    }

    @Override
    public List<Department> departments() {
        return snapshot().departments();
    }

    @Override
    public Optional<Category> category(String code) {
        return categories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Department> department(String code) {
        return departments().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    @Override
    public Optional<ServiceItem> item(String code) {
        return Optional.ofNullable(snapshot().items().get(code));
    }

    @Override
    public Optional<ServiceItem> item(String code, int version) {
        return store.version(code, version).map(ServiceItems.StoredVersion::item);
    }

    @Override
    public ItemPage search(ItemQuery query) {
        return snapshot().index().search(query);
    }

    @Override
    public int size() {
        return snapshot().index().size(false);
    }

    @Override
    public List<FieldViolation> validate(ServiceItem item) {
        return rules().check(item);
    }

    private ServiceItemRules rules() {
        Snapshot s = snapshot();
        return new ServiceItemRules(s.categories().stream().map(Category::code).collect(Collectors.toSet()),
                s.departments().stream().map(Department::code).collect(Collectors.toSet()));
    }

    @Override
    @Transactional
    public ServiceItem publish(ServiceItem item, @Nullable Integer basedOnVersion, String actor) {
        Optional<Integer> current = store.lockCurrentVersion(item.code());
        if (basedOnVersion == null && current.isPresent()) {
            throw new InvalidServiceItemException(item.code(),
                    List.of(new FieldViolation("code", "catalog.violation.code-taken", item.code())));
        }
        if (basedOnVersion != null && current.isEmpty()) {
            throw new NotFoundException("No item " + item.code());
        }
        if (basedOnVersion != null && !basedOnVersion.equals(current.get())) {
            throw new StaleItemVersionException(item.code(), basedOnVersion, current.get());
        }
        ServiceItem previous = current.flatMap(v -> store.version(item.code(), v)).map(ServiceItems.StoredVersion::item).orElse(null);
        ServiceItem next = item.withVersion(current.map(v -> v + 1).orElse(1));
        if (previous != null) {
            next = next.withRetired(previous.retired());
        }
        List<FieldViolation> violations = rules().check(next);
        if (!violations.isEmpty()) {
            throw new InvalidServiceItemException(item.code(), violations);
        }
        return store(next, previous, actor);
    }

    @Override
    @Transactional
    public ServiceItem setRetired(String code, boolean retired, String actor) {
        int version = store.lockCurrentVersion(code).orElseThrow(() -> new NotFoundException("No item " + code));
        ServiceItem previous = store.version(code, version).orElseThrow().item();
        if (previous.retired() == retired) {
            return previous;
        }
        return store(previous.withRetired(retired).withVersion(version + 1), previous, actor);
    }

    private ServiceItem store(ServiceItem next, @Nullable ServiceItem previous, String actor) {
        List<String> changed = changedFields(previous, next);
        if (previous != null && changed.isEmpty()) {
            return previous;
        }
        store.insert(next, ServiceItems.Source.ADMIN, actor, changed, clock.instant());
        store.bumpRevision();
        events.publishEvent(new ServiceItemPublished(next.code(), next.version(), actor, changed));
        invalidate();
        return next;
    }

    @Override
    public List<ItemChange> history(String code) {
        return store.history(code);
    }

    /** The names of the fields that differ between two versions; {@code created} for a first version. */
    static List<String> changedFields(@Nullable ServiceItem before, ServiceItem after) {
        if (before == null) {
            return List.of("created");
        }
        Set<String> ignored = Set.of("version");
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : ServiceItem.class.getRecordComponents()) {
            if (ignored.contains(component.getName())) {
                continue;
            }
            try {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    changed.add(component.getName());
                }
            }
            catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }
}
