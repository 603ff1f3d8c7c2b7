package org.hall24.device.gateway;

/**
 * What {@link PayloadParser} made of a message: the payload, or why it was rejected. The reason
 * names the rule broken (size, JSON, version, field) and never quotes the payload.
 */
public sealed interface ParseResult<T extends Payload> {

    record Parsed<T extends Payload>(T payload) implements ParseResult<T> {
    }

    record Rejected<T extends Payload>(String reason) implements ParseResult<T> {
    }
}
