package org.hall24.platform;

import java.util.List;

/**
 * A request parameter, or several, that an API cannot accept. Answered as 400 problem+json
 * naming each offending parameter.
 */
public class InvalidParameterException extends RuntimeException {

    private final List<InvalidParameter> parameters;

    public InvalidParameterException(List<InvalidParameter> parameters) {
        super(parameters.stream().map(p -> p.name() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.parameters = List.copyOf(parameters);
    }

    public InvalidParameterException(String name, String reason) {
        this(List.of(new InvalidParameter(name, reason)));
    }

    public List<InvalidParameter> parameters() {
        return parameters;
    }

    /**
     * @param name the parameter as the client sent it
     * @param reason why it was refused, in English
     */
    public record InvalidParameter(String name, String reason) {
    }
}
