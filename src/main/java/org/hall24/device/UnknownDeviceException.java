package org.hall24.device;

/** No device is registered under the given code. */
public class UnknownDeviceException extends RuntimeException {

    public UnknownDeviceException(String code) {
        super("No registered device " + code);
    }
}
