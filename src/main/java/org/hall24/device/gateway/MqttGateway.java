package org.hall24.device.gateway;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hall24.device.gateway.ParseResult.Parsed;
import org.hall24.device.gateway.ParseResult.Rejected;
import org.hall24.device.internal.MqttProperties;
import org.hall24.device.internal.PlatformMqttCredentials;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The platform's MQTT client: subscribes to every hall's device topics, parses each message with
 * {@link PayloadParser} and hands what it accepts to the {@link DeviceMessageListener}s; sends
 * commands. It starts with the application but never holds it up: when the broker is not there
 * yet it keeps trying in the background (1 s, doubling to 30 s), and once connected Paho
 * reconnects by itself. A rejected message is logged with device, topic and reason (never the
 * payload) and counted; the consumer goes on with the next message.
 *
 * <p>Clean session is {@code false} with a client id stable per node
 * ({@code hall24-platform-<host name>} unless configured), so QoS 1 messages that arrive while the
 * node restarts wait for it at the broker. A process id in the client id would make every restart
 * leave an orphan session behind.
 *
 * <p>Handling: the MQTT client's callback thread only reads the topic and hands the message to the
 * {@link DeviceDispatcher}: a device's status, telemetry and events go to that device's lane (in
 * order, devices in parallel), replies to the reply lanes. Parsing and the listeners run there.
 * While a device's lane is full the callback thread waits (QoS 1: back-pressure up to the broker)
 * or drops the message (QoS 0: a heartbeat the next one replaces). QoS 1 messages are acknowledged
 * (Paho manual acks) only once handled, rejected ones included, so a node that dies or stops
 * before handling a message gets it again from the broker (its session is persistent), and
 * nothing is redelivered forever. A resent copy that arrives while the first is still being
 * handled is dropped: the first one's acknowledgement answers both. On stop the gateway takes no
 * more messages, lets the dispatcher drain ({@code hall24.devices.gateway.drain-timeout}), then
 * disconnects.
 *
 * <p>Throughput: every message handled is counted in the Micrometer counters
 * {@code hall24.device.messages} (tag {@code kind}: status, telemetry, event, reply) and
 * {@code hall24.device.messages.rejected}, and every 60 s the gateway logs
 * {@code device messages: N in the last 60 s (X/s), R rejected, D dropped}. The hot path pays one
 * counter increment (a striped adder) per message; the dispatcher's own meters are described on
 * {@link DeviceDispatcher}.
 */
@Component
class MqttGateway implements CommandChannel, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttGateway.class);
    private static final String[] KINDS = { "status", "telemetry", "events/+", "replies" };

    private final PlatformMqttCredentials credentials;
    private final MqttProperties mqtt;
    private final DevicesProperties devices;
    private final ObjectProvider<DeviceMessageListener> listeners;
    private final DeviceDispatcher dispatcher;
    private final PayloadParser parser = new PayloadParser();
    /** QoS 1 message ids taken and not yet acknowledged. */
    private final java.util.Set<Integer> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final LongAdder windowDropped = new LongAdder();
    private volatile boolean subscribed;
    static final Duration REPORT_EVERY = Duration.ofSeconds(60);

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Counter statusCount;
    private final Counter telemetryCount;
    private final Counter eventCount;
    private final Counter replyCount;
    private final Counter rejectedCount;
    private final LongAdder windowAccepted = new LongAdder();
    private final LongAdder windowRejected = new LongAdder();
    private volatile long windowStart = System.nanoTime();
    private final AtomicBoolean running = new AtomicBoolean();
    private @Nullable ScheduledExecutorService connector;
    private volatile @Nullable MqttAsyncClient client;
    private volatile long retryMillis = 1000;

    MqttGateway(PlatformMqttCredentials credentials, MqttProperties mqtt, DevicesProperties devices,
            ObjectProvider<DeviceMessageListener> listeners, ObjectProvider<MeterRegistry> meters,
            DeviceDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.credentials = credentials;
        MeterRegistry registry = meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        this.statusCount = messages(registry, "status");
        this.telemetryCount = messages(registry, "telemetry");
        this.eventCount = messages(registry, "event");
        this.replyCount = messages(registry, "reply");
        this.rejectedCount = Counter.builder("hall24.device.messages.rejected")
                .description("Device messages rejected by the gateway (malformed, oversized, unknown version or topic)")
                .register(registry);
        this.mqtt = mqtt;
        this.devices = devices;
        this.listeners = listeners;
    }

    private static Counter messages(MeterRegistry registry, String kind) {
        return Counter.builder("hall24.device.messages").tag("kind", kind)
                .description("Device messages accepted by the gateway, by kind").register(registry);
    }

    /** Logs how many messages were handled since the last report, and starts a new window. */
    void report() {
        long now = System.nanoTime();
        long handled = windowAccepted.sumThenReset();
        long refused = windowRejected.sumThenReset();
        long dropped = windowDropped.sumThenReset();
        double seconds = Math.max((now - windowStart) / 1e9, 0.001);
        windowStart = now;
        log.info("device messages: {} in the last {} s ({}/s), {} rejected, {} dropped", handled, Math.round(seconds),
                String.format(java.util.Locale.ROOT, "%.1f", handled / seconds), refused, dropped);
    }

    /** Messages accepted since start. */
    long accepted() {
        return accepted.get();
    }

    /** Messages rejected since start (malformed, oversized, unknown version or topic). */
    long rejected() {
        return rejected.get();
    }

    /** Whether the subscriptions of the current connection were granted. */
    boolean subscribed() {
        return subscribed;
    }

    @Override
    public boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    @Override
    public void publish(String hall, String device, byte[] payload) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            throw new IllegalStateException("the platform is not connected to the device broker");
        }
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            c.publish(DeviceTopic.commands(hall, device), message);
        }
        catch (MqttException e) {
            throw new IllegalStateException("could not publish the command: " + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        if (!devices.gatewayEnabled() || !running.compareAndSet(false, true)) {
            return;
        }
        dispatcher.resume();
        connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-gateway-connect");
            t.setDaemon(true);
            return t;
        });
        connector.execute(this::connect);
        windowStart = System.nanoTime();
        connector.scheduleAtFixedRate(this::report, REPORT_EVERY.toSeconds(), REPORT_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        ScheduledExecutorService executor = connector;
        if (executor != null) {
            executor.shutdownNow();
        }
        if (!dispatcher.drain(devices.drainTimeout())) {
            log.warn("Device gateway stopped with device messages still being handled; the broker delivers them again");
        }
        MqttAsyncClient c = client;
        client = null;
        subscribed = false;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(1000).waitForCompletion(2000);
                }
            }
            catch (MqttException e) {
                log.debug("MQTT disconnect: {}", e.getMessage());
            }
            try {
                c.close(true);
            }
            catch (MqttException e) {
                log.debug("MQTT close: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void connect() {
        if (!running.get()) {
            return;
        }
        try {
            MqttAsyncClient c = client;
            if (c == null) {
                c = new MqttAsyncClient(credentials.url(), clientId(), new MemoryPersistence());
                c.setCallback(new Callback());
                c.setManualAcks(true);
                client = c;
            }
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setCleanSession(false);
            options.setAutomaticReconnect(true);
            options.setMaxReconnectDelay(30_000);
            options.setKeepAliveInterval(15);
            options.setConnectionTimeout(10);
            options.setMaxInflight(1000);
            options.setUserName(credentials.username());
            options.setPassword(credentials.password().toCharArray());
            if (credentials.socketFactory() != null) {
                // Pinned to the embedded broker's own certificate: the host name proves nothing more.
                options.setSocketFactory(credentials.socketFactory());
                options.setHttpsHostnameVerificationEnabled(false);
            }
            c.connect(options).waitForCompletion(15_000);
            retryMillis = 1000;
            log.info("Device gateway connected to {} as {}", credentials.url(), c.getClientId());
        }
        catch (MqttException | RuntimeException e) {
            log.warn("Device gateway cannot reach the broker at {} ({}); retrying in {} ms", credentials.url(),
                    e.getMessage(), retryMillis);
            ScheduledExecutorService executor = connector;
            if (running.get() && executor != null && !executor.isShutdown()) {
                executor.schedule(this::connect, retryMillis, TimeUnit.MILLISECONDS);
                retryMillis = Math.min(retryMillis * 2, Duration.ofSeconds(30).toMillis());
            }
        }
    }

    String clientId() {
        if (devices.gateway() != null && devices.gateway().clientId() != null && !devices.gateway().clientId().isBlank()) {
            return devices.gateway().clientId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (Exception e) {
            host = "node";
        }
        String id = "hall24-platform-" + host.replaceAll("[^A-Za-z0-9_.-]", "");
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    List<String> subscriptions() {
        String group = mqtt.sharedSubscriptionGroup();
        String prefix = group == null || group.isBlank() ? "" : "$share/" + group + "/";
        return java.util.Arrays.stream(KINDS).map(kind -> prefix + DeviceTopic.ROOT + "/+/+/" + kind).toList();
    }

    private void subscribe(MqttAsyncClient c) {
        List<String> topics = subscriptions();
        int[] qos = new int[topics.size()];
        java.util.Arrays.fill(qos, 1);
        try {
            c.subscribe(topics.toArray(String[]::new), qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    subscribed = true;
                    log.info("Device gateway subscribed to {}", topics);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    log.error("Device gateway could not subscribe to {}: {}", topics, e.getMessage());
                }
            });
        }
        catch (MqttException e) {
            log.error("Device gateway could not subscribe to {}: {}", topics, e.getMessage());
        }
    }

    /**
     * Takes a message from the broker: a device's status, telemetry or event to its lane, a reply
     * to the reply lanes; {@code ack} runs once it was handled or rejected. Waits while a QoS 1
     * message's lane is full; drops a QoS 0 message whose lane is full (and acknowledges nothing,
     * QoS 0 has no acknowledgement).
     *
     * @return {@code false} when the gateway is stopping and did not take the message: it stays
     *         unacknowledged, and the broker delivers it again
     */
    boolean arrived(String topicName, byte[] payload, int qos, Runnable ack) throws InterruptedException {
        DeviceTopic topic = DeviceTopic.parse(topicName);
        if (topic == null || topic.kind() == DeviceTopic.Kind.COMMAND) {
            try {
                reject(topic == null ? null : topic.device(), topicName, "not a device-to-platform topic");
            }
            finally {
                ack.run();
            }
            return true;
        }
        Runnable work = () -> {
            try {
                handle(topic, topicName, payload);
            }
            finally {
                ack.run();
            }
        };
        if (topic.kind() == DeviceTopic.Kind.REPLY) {
            return dispatcher.submitReply(topic.device(), work);
        }
        if (qos == 0) {
            if (!dispatcher.offer(topic.device(), work)) {
                windowDropped.increment();
                log.debug("Dropped a QoS 0 message from {} on {}: its lane is full", topic.device(), topicName);
            }
            return true;
        }
        return dispatcher.submit(topic.device(), work);
    }

    private void handle(DeviceTopic topic, String topicName, byte[] payload) {
        switch (topic.kind()) {
            case STATUS -> dispatch(topic, topicName, parser.status(payload), statusCount, (l, p) -> l.status(topic, p));
            case TELEMETRY -> dispatch(topic, topicName, parser.telemetry(payload), telemetryCount, (l, p) -> l.telemetry(topic, p));
            case REPLY -> dispatch(topic, topicName, parser.reply(payload), replyCount, (l, p) -> l.reply(topic, p));
            case EVENT -> dispatch(topic, topicName, parser.event(topic.eventType(), payload), eventCount, (l, p) -> l.event(topic, p));
            default -> reject(topic.device(), topicName, "not a device-to-platform topic");
        }
    }

    /** Tells the broker a QoS 1 message was handled; a lost acknowledgement means a redelivery, which is harmless. */
    private void acknowledge(int id, int qos) {
        inFlight.remove(id);
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            c.messageArrivedComplete(id, qos);
        }
        catch (MqttException | RuntimeException e) {
            log.debug("Acknowledgement of message {} not sent ({}); the broker delivers it again", id, e.getMessage());
        }
    }

    private <T extends Payload> void dispatch(DeviceTopic topic, String topicName, ParseResult<T> result, Counter counter,
            java.util.function.BiConsumer<DeviceMessageListener, T> delivery) {
        if (result instanceof Rejected<T> r) {
            reject(topic.device(), topicName, r.reason());
            return;
        }
        T payload = ((Parsed<T>) result).payload();
        accepted.incrementAndGet();
        counter.increment();
        windowAccepted.increment();
        listeners.orderedStream().forEach(listener -> safely(topic, topicName, l -> delivery.accept(l, payload), listener));
    }

    private static void safely(DeviceTopic topic, String topicName, Consumer<DeviceMessageListener> call,
            DeviceMessageListener listener) {
        try {
            call.accept(listener);
        }
        catch (RuntimeException e) {
            log.error("Device message from {} on {} failed in {}: {}", topic.device(), topicName,
                    listener.getClass().getSimpleName(), e.toString());
        }
    }

    private void reject(@Nullable String device, String topic, String reason) {
        rejected.incrementAndGet();
        rejectedCount.increment();
        windowRejected.increment();
        log.warn("Rejected device message: device={}, topic={}, reason={}", device == null ? "?" : device, topic, reason);
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                log.info("Device gateway reconnected to {}", serverUri);
            }
            MqttAsyncClient c = client;
            if (c != null) {
                subscribe(c);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            subscribed = false;
            log.warn("Device gateway lost the broker: {}; reconnecting", cause == null ? "?" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            int id = message.getId();
            int qos = message.getQos();
            if (qos > 0 && !inFlight.add(id)) {
                log.debug("Message {} on {} delivered again while still being handled; the first one's acknowledgement answers both",
                        id, topic);
                return;
            }
            Runnable ack = qos > 0 ? () -> acknowledge(id, qos) : () -> {
            };
            boolean taken;
            try {
                taken = arrived(topic, message.getPayload(), qos, ack);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                taken = false;
            }
            catch (RuntimeException e) {
                log.error("Device message on {} failed: {}", topic, e.toString());
                ack.run();
                return;
            }
            if (!taken && qos > 0) {
                inFlight.remove(id);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
