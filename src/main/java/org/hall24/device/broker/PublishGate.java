package org.hall24.device.broker;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.moquette.broker.NettyUtils;
import io.moquette.broker.Server;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Refuses, before Moquette decodes them, the PUBLISH packets the broker will not take — larger
 * than the size limit, or on a topic the client may not write — and <em>acknowledges</em> them,
 * as Mosquitto does: a QoS 1 publish gets its PUBACK, then is dropped. Without it, Moquette 0.17
 * closes the connection on an oversize packet (its decoder fails: "invalid massage") and sends no
 * PUBACK for a publish its authorizator refuses, so a client with a persistent session re-sends
 * the message at every reconnect, forever: a device flapping online/offline. The connection stays
 * up; each refusal goes to {@link Refusals} (a WARN, a counter, the device's alert).
 *
 * <p>It reads the byte stream between TLS (when on) and Moquette's decoder: each packet's fixed
 * header, and for a PUBLISH its topic and packet id; a packet it lets pass goes on unchanged, in
 * slices as its bytes arrive, and a refused one is skipped as its bytes arrive, never buffered
 * (only a topic, at most 64 KiB, waits for its last byte). It judges only connections whose
 * CONNECT Moquette accepted (the username is set); anything else, or a malformed packet, goes on
 * to Moquette, which closes the connection as before. A refused QoS 2 publish closes the connection
 * (the protocol uses QoS 0 and 1 only).
 *
 * <p>One gate per connection, not thread-safe (Netty calls it on the connection's event loop).
 * Moquette offers no hook for a handler of its own, so {@link #installIn} puts an installer into
 * the acceptor's slot for an optional error-reporting handler (left empty without Bugsnag), which
 * sits exactly before the decoder; like {@link MoquetteResendFix} this touches a private field and
 * is checked at start-up. Connections accepted in the instant between the broker's bind and the
 * installation (at start-up, before any lifecycle bean connects) are not gated.
 */
final class PublishGate extends ByteToMessageDecoder {

    static final String NAME = "hall24PublishGate";
    private static final int PUBLISH = 3;

    /** Why a publish was refused. */
    enum Reason {
        /** Larger than the broker's size limit. */
        TOO_LARGE,
        /** On a topic the client may not write (the access control of {@link DeviceBrokerSecurity}). */
        NOT_ALLOWED
    }

    /**
     * A refused publish.
     *
     * @param username the connection's username: a device's code, or the platform's user
     * @param topic the topic it was published on
     * @param bytes the packet's size after its fixed header (MQTT's remaining length)
     * @param qos its QoS
     * @param acknowledged whether it got a PUBACK (QoS 1); QoS 0 needs none, a QoS 2 one closed the connection
     */
    record Refusal(String username, String topic, int bytes, int qos, Reason reason, boolean acknowledged) {
    }

    /** Told of every refused publish, on the connection's event loop: must not block. */
    interface Refusals {
        void refused(Refusal refusal);
    }

    private final int limit;
    private final BiPredicate<String, @Nullable String> mayWrite;
    private final Refusals refusals;
    /** Bytes of the current packet still to pass on, or to skip. */
    private long passing;
    private long skipping;

    /**
     * @param limit the largest remaining length a PUBLISH may have
     * @param mayWrite whether a topic may be written by a username
     */
    PublishGate(int limit, BiPredicate<String, @Nullable String> mayWrite, Refusals refusals) {
        this.limit = limit;
        this.mayWrite = mayWrite;
        this.refusals = refusals;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (passing == 0 && skipping == 0 && !judgeNextPacket(ctx, in)) {
            return;
        }
        if (passing > 0) {
            int n = (int) Math.min(passing, in.readableBytes());
            if (n > 0) {
                out.add(in.readRetainedSlice(n));
                passing -= n;
            }
        }
        else if (skipping > 0) {
            int n = (int) Math.min(skipping, in.readableBytes());
            in.skipBytes(n);
            skipping -= n;
        }
    }

    /**
     * Reads the next packet's header without consuming it and decides whether it passes or is
     * skipped; {@code false} while its header (or a PUBLISH's topic and packet id) is incomplete.
     */
    private boolean judgeNextPacket(ChannelHandlerContext ctx, ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        if (start >= end) {
            return false;
        }
        int first = in.getUnsignedByte(start);
        long length = 0;
        int lengthBytes = 0;
        boolean complete = false;
        while (lengthBytes < 4) {
            if (start + 1 + lengthBytes >= end) {
                return false;
            }
            int digit = in.getUnsignedByte(start + 1 + lengthBytes);
            length += (long) (digit & 0x7F) << (7 * lengthBytes);
            lengthBytes++;
            if ((digit & 0x80) == 0) {
                complete = true;
                break;
            }
        }
        if (!complete) {
            passing = Long.MAX_VALUE; // a malformed length: Moquette's decoder refuses it and closes
            return true;
        }
        int header = 1 + lengthBytes;
        String username = NettyUtils.userName(ctx.channel());
        int qos = (first >> 1) & 0x03;
        int idBytes = qos > 0 ? 2 : 0;
        if ((first >> 4) != PUBLISH || username == null || length < 2) {
            passing = header + length;
            return true;
        }
        if (end - start < header + 2) {
            return false;
        }
        int topicLength = in.getUnsignedShort(start + header);
        if (2 + topicLength + idBytes > length) {
            passing = header + length;
            return true;
        }
        if (end - start < header + 2 + topicLength + idBytes) {
            return false;
        }
        String topic = in.toString(start + header + 2, topicLength, StandardCharsets.UTF_8);
        Reason reason = length > limit ? Reason.TOO_LARGE : mayWrite.test(topic, username) ? null : Reason.NOT_ALLOWED;
        if (reason == null) {
            passing = header + length;
            return true;
        }
        skipping = header + length;
        if (qos == 1) {
            int packetId = in.getUnsignedShort(start + header + 2 + topicLength);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {0x40, 0x02, (byte) (packetId >> 8), (byte) packetId}));
        }
        refusals.refused(new Refusal(username, topic, (int) Math.min(length, Integer.MAX_VALUE), qos, reason, qos == 1));
        if (qos == 2) {
            ctx.close();
        }
        return true;
    }

    /**
     * Makes every connection the server accepts from now on pass through a new gate, just before
     * Moquette's decoder.
     *
     * @throws IllegalStateException when Moquette's internals are not those of 0.17
     */
    static void installIn(Server server, Supplier<PublishGate> gates) {
        try {
            Object acceptor = field(Server.class, "acceptor").get(server);
            Field slot = field(acceptor.getClass(), "errorsCather");
            if (((Optional<?>) slot.get(acceptor)).isPresent()) {
                throw new IllegalStateException("Moquette's error-reporting handler slot is taken (use_bugsnag?)");
            }
            slot.set(acceptor, Optional.<ChannelInboundHandler>of(new Installer(gates)));
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot install the publish gate into the embedded broker; oversize and refused "
                    + "publishes would make devices reconnect forever. Check the Moquette version.", e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** Shared by every connection; replaces itself, as soon as it is added, by the connection's own gate. */
    @ChannelHandler.Sharable
    static final class Installer extends ChannelInboundHandlerAdapter {

        private final Supplier<PublishGate> gates;

        Installer(Supplier<PublishGate> gates) {
            this.gates = gates;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().replace(this, NAME, gates.get());
        }
    }
}
