package dev.rewind.emulator.device;

/** Thrown by a device for an access it does not support; the machine turns it into an access fault. */
public final class DeviceAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceAccessException(String message) {
        super(message, null, false, false);
    }
}
