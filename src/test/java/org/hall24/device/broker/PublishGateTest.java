package org.hall24.device.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.moquette.broker.NettyUtils;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The gate on the raw MQTT byte stream: what passes reaches the decoder byte for byte, however
 * the stream is cut into reads; a refused PUBLISH is skipped whole, a QoS 1 one answered with
 * its PUBACK; nothing is judged before the connection has a username.
 */
class PublishGateTest {

    private static final int LIMIT = 1000;

    private final List<PublishGate.Refusal> refusals = new ArrayList<>();

    @Test
    void whatPassesIsUnchangedAndARefusedPublishIsSkippedAndAcknowledgedWhateverTheReads() {
        byte[] ping = {(byte) 0xC0, 0x00};
        byte[] allowed = publish("hall24/H/D1/telemetry", 1, 7, new byte[200]);
        byte[] tooLarge = publish("hall24/H/D1/events/document-captured", 1, 8, new byte[LIMIT]);
        byte[] notAllowed = publish("hall24/H/D2/telemetry", 0, 0, new byte[10]);
        byte[] last = publish("hall24/H/D1/replies", 1, 9, new byte[300]);
        byte[] stream = concat(ping, allowed, tooLarge, notAllowed, last);
        Random random = new Random(24);

        for (int round = 0; round < 20; round++) {
            refusals.clear();
            EmbeddedChannel channel = channel("D1");
            for (int at = 0; at < stream.length;) {
                int n = Math.min(stream.length - at, 1 + random.nextInt(round == 0 ? 1 : 400));
                channel.writeInbound(Unpooled.copiedBuffer(stream, at, n));
                at += n;
            }

            assertThat(inbound(channel)).isEqualTo(concat(ping, allowed, last));
            assertThat(outbound(channel)).as("one PUBACK, for packet 8").isEqualTo(new byte[] {0x40, 0x02, 0x00, 0x08});
            assertThat(refusals).extracting(PublishGate.Refusal::reason)
                    .containsExactly(PublishGate.Reason.TOO_LARGE, PublishGate.Reason.NOT_ALLOWED);
            assertThat(refusals.get(0).bytes()).isEqualTo(tooLarge.length - 3);
            assertThat(refusals.get(1).acknowledged()).as("QoS 0 needs no PUBACK").isFalse();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void beforeTheConnectionHasAUsernameEverythingGoesOnToMoquette() {
        byte[] tooLarge = publish("hall24/H/D1/events/x", 1, 3, new byte[LIMIT]);
        EmbeddedChannel channel = channel(null);

        channel.writeInbound(Unpooled.wrappedBuffer(tooLarge));

        assertThat(inbound(channel)).isEqualTo(tooLarge);
        assertThat(refusals).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void aRefusedQos2PublishClosesTheConnection() {
        EmbeddedChannel channel = channel("D1");

        channel.writeInbound(Unpooled.wrappedBuffer(publish("hall24/H/D2/telemetry", 2, 5, new byte[4])));

        assertThat(channel.isOpen()).isFalse();
        assertThat(refusals).singleElement().satisfies(r -> assertThat(r.acknowledged()).isFalse());
    }

    private EmbeddedChannel channel(String username) {
        EmbeddedChannel channel = new EmbeddedChannel();
        if (username != null) {
            NettyUtils.userName(channel, username);
        }
        channel.pipeline().addLast(new PublishGate(LIMIT, (topic, user) -> topic.startsWith("hall24/H/" + user + "/"), refusals::add));
        return channel;
    }

    private static byte[] inbound(EmbeddedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf buf; (buf = channel.readInbound()) != null;) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] outbound(EmbeddedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null;) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] publish(String topic, int qos, int packetId, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        body.write(name.length >> 8);
        body.write(name.length & 0xFF);
        body.writeBytes(name);
        if (qos > 0) {
            body.write(packetId >> 8);
            body.write(packetId & 0xFF);
        }
        body.writeBytes(payload);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x30 | qos << 1);
        int length = body.size();
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
