package org.hall24.device.broker;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.moquette.broker.Server;

/**
 * Works around a Moquette 0.17 defect (upstream issues 750 and 961) that silently stops the
 * embedded broker: when a client resends a QoS 1 PUBLISH with the DUP flag (Paho does after a
 * reconnect with a persistent session — every device's normal behaviour), Moquette routes it
 * only to the subscribers whose earlier delivery it recorded as failed. With none recorded it
 * retains the payload buffer zero times, Netty throws, and the exception kills the session event
 * loop thread: every client whose session lives on that loop is never served again.
 *
 * <p>The fix: when the broker has no record of the resent packet, it is routed like a first
 * delivery (at least once, as MQTT requires for QoS 1). This is done by giving Moquette's
 * failed-publish collection a map that answers "no filter" for an unknown packet instead of "an
 * empty set". It touches private fields, so it is checked at start-up: if Moquette's internals
 * changed, the broker refuses to start rather than run with the defect. Remove it when a Moquette
 * release fixes the defect (or when the embedded broker is replaced).
 */
final class MoquetteResendFix {

    private MoquetteResendFix() {
    }

    static void apply(Server server) {
        try {
            Object postOffice = field(Server.class, "dispatcher").get(server);
            Field failedPublishes = field(postOffice.getClass(), "failedPublishes");
            Object collection = failedPublishes.get(postOffice);
            Field packetsMap = field(collection.getClass(), "packetsMap");
            @SuppressWarnings("unchecked")
            Set<String> noFilter = (Set<String>) field(postOffice.getClass(), "NO_FILTER").get(null);
            @SuppressWarnings("unchecked")
            ConcurrentMap<Object, Set<String>> current = (ConcurrentMap<Object, Set<String>>) packetsMap.get(collection);
            packetsMap.set(collection, new UnknownPacketRoutesToAll(current, noFilter));
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot apply the Moquette resend fix; the embedded broker would stop "
                    + "serving clients after a resent QoS 1 message. Check the Moquette version.", e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** Failed routings per packet; an unknown packet answers Moquette's "no filter" marker. */
    static final class UnknownPacketRoutesToAll extends ConcurrentHashMap<Object, Set<String>> {

        private final transient Set<String> noFilter;

        UnknownPacketRoutesToAll(ConcurrentMap<Object, Set<String>> current, Set<String> noFilter) {
            super(current);
            this.noFilter = noFilter;
        }

        @Override
        public Set<String> getOrDefault(Object key, Set<String> defaultValue) {
            Set<String> failed = get(key);
            return failed == null || failed.isEmpty() ? noFilter : failed;
        }
    }
}
