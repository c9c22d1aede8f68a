package dev.rewind.emulator.device;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Deterministic state encoding for devices: a tag naming the device kind and format version, then
 * big-endian fields ({@link DataOutputStream} encoding). Restoring checks the tag and that every byte
 * was consumed, and reports problems as {@link IllegalArgumentException}.
 */
final class DeviceState {

    private DeviceState() {
    }

    /** Writes the fields of a state. */
    @FunctionalInterface
    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Reads and validates the fields of a state into locals and returns the action that applies them, so
     * that a bad state leaves the device unchanged.
     */
    @FunctionalInterface
    interface Reader {
        Runnable read(DataInputStream in) throws IOException;
    }

    static byte[] save(String tag, Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(tag);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for an in-memory stream
        }
        return bytes.toByteArray();
    }

    static void restore(String tag, byte[] state, Reader reader) {
        Objects.requireNonNull(state, "state");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            String actual = in.readUTF();
            if (!tag.equals(actual)) {
                throw new IllegalArgumentException("device state is for '" + actual + "', expected '" + tag + "'");
            }
            Runnable commit = reader.read(in);
            if (in.available() != 0) {
                throw new IllegalArgumentException("device state for '" + tag + "' has " + in.available()
                        + " unexpected trailing bytes");
            }
            commit.run();
        } catch (IOException e) {
            throw new IllegalArgumentException("device state for '" + tag + "' is truncated or corrupt: " + e, e);
        }
    }

    /** Throws IllegalArgumentException unless {@code actual == expected}. */
    static void expect(String tag, String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("device state for '" + tag + "': " + what + " is " + actual
                    + ", this device has " + expected);
        }
    }
}
