package dev.rewind.gdb.rsp;

/** A packet that does not follow the remote serial protocol; the stub answers it with an error reply. */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
