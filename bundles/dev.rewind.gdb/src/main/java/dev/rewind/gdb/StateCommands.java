package dev.rewind.gdb;

import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.MemoryRead;
import dev.rewind.debug.Register;
import dev.rewind.gdb.rsp.Framing;
import dev.rewind.gdb.rsp.Hex;
import dev.rewind.gdb.rsp.ProtocolException;

/**
 * Registers ({@code g G p P}), memory ({@code m M X}) and triggers ({@code Z z}) of one connection. Failures of
 * the session surface as {@link dev.rewind.debug.DebugException}, bad packets as {@link ProtocolException}; the
 * connection turns both into error replies.
 */
final class StateCommands {
    /** EFAULT, as gdbserver answers a read of memory that does not exist. */
    static final String E_FAULT = "E0e";
    /** Largest memory read served at once (gdb keeps to PacketSize anyway). */
    static final int MAX_READ = GdbConnection.PACKET_SIZE / 2 - 8;

    private final Target t;
    private final Triggers triggers;

    StateCommands(Target target, Triggers triggers) {
        this.t = target;
        this.triggers = triggers;
    }

    String readRegisters(int hart) {
        long[] values = Target.await(t.session.readRegisters(hart, t.gRegisters));
        StringBuilder sb = new StringBuilder(values.length * t.registerBytes() * 2);
        for (long v : values) {
            Hex.appendLittleEndian(sb, v, t.registerBytes());
        }
        return sb.toString();
    }

    String writeRegisters(int hart, String hex) {
        int width = t.registerBytes() * 2;
        if (hex.length() % width != 0) {
            throw new ProtocolException("G data of " + hex.length() + " hex digits is not a whole number of registers");
        }
        int n = Math.min(hex.length() / width, t.gRegisters.size());
        for (int i = 0; i < n; i++) {
            Register r = t.gRegisters.get(i);
            if (r.number() != 0) {
                Target.await(t.session.writeRegister(hart, r, Hex.littleEndian(hex, i * width, t.registerBytes())));
            }
        }
        return "OK";
    }

    String readRegister(int hart, String number) {
        Register r = register(number);
        long v = Target.await(t.session.readRegister(hart, r));
        StringBuilder sb = new StringBuilder();
        Hex.appendLittleEndian(sb, v, r.bits() / 8);
        return sb.toString();
    }

    String writeRegister(int hart, String body) {
        int eq = body.indexOf('=');
        if (eq < 0) {
            throw new ProtocolException("P packet without '='");
        }
        Register r = register(body.substring(0, eq));
        long v = Hex.littleEndian(body, eq + 1, r.bits() / 8);
        if (r.number() != 0) {
            Target.await(t.session.writeRegister(hart, r, v));
        }
        return "OK";
    }

    private Register register(String number) {
        int n = Hex.parseInt(number);
        Register r = t.byNumber.get(n);
        if (r == null) {
            throw new ProtocolException("no register number " + n);
        }
        return r;
    }

    /** {@code m addr,length}: what could be read (gdb accepts a short answer), EFAULT when nothing could. */
    String readMemory(String body) {
        String[] parts = split(body, ',', "m");
        long address = Hex.parse(parts[0]);
        int length = Math.min(Hex.parseInt(parts[1]), MAX_READ);
        MemoryRead read = Target.await(t.session.readMemory(address, length));
        if (read.data().length == 0 && length > 0) {
            return E_FAULT;
        }
        return Hex.encode(read.data());
    }

    /** {@code M addr,length:hex}. */
    String writeMemoryHex(String body) {
        int colon = body.indexOf(':');
        if (colon < 0) {
            throw new ProtocolException("M packet without ':'");
        }
        String[] parts = split(body.substring(0, colon), ',', "M");
        byte[] data = Hex.decode(body.substring(colon + 1));
        return write(Hex.parse(parts[0]), Hex.parseInt(parts[1]), data);
    }

    /** {@code X addr,length:binary} (escapes already undone by the framing). */
    String writeMemoryBinary(String body) {
        int colon = body.indexOf(':');
        if (colon < 0) {
            throw new ProtocolException("X packet without ':'");
        }
        String[] parts = split(body.substring(0, colon), ',', "X");
        return write(Hex.parse(parts[0]), Hex.parseInt(parts[1]), Framing.bytes(body.substring(colon + 1)));
    }

    private String write(long address, int length, byte[] data) {
        if (data.length != length) {
            throw new ProtocolException("length " + length + " but " + data.length + " bytes of data");
        }
        if (length > 0) {
            Target.await(t.session.writeMemory(address, data));
        }
        return "OK";
    }

    /** {@code Z type,addr,kind[;...]}: conditions and commands after ';' are not advertised and ignored. */
    String insert(String body) {
        Triggers.Key key = key(body);
        if (!triggers.contains(key)) {
            Breakpoint b = Target.await(t.session.addBreakpoint(Triggers.spec(key)));
            triggers.put(key, b.id());
        }
        return "OK";
    }

    String remove(String body) {
        Integer id = triggers.remove(key(body));
        if (id != null) {
            Target.await(t.session.removeBreakpoint(id));
        }
        return "OK";
    }

    private static Triggers.Key key(String body) {
        int semi = body.indexOf(';');
        String[] parts = (semi < 0 ? body : body.substring(0, semi)).split(",", -1);
        if (parts.length != 3) {
            throw new ProtocolException("Z/z needs type,address,kind");
        }
        Triggers.Type type = Triggers.Type.of(Hex.parseInt(parts[0]));
        long kind = Hex.parse(parts[2]);
        if (type.watch() && (kind <= 0 || kind > 4096)) {
            throw new ProtocolException("watchpoint length " + kind + " outside 1..4096");
        }
        return new Triggers.Key(type, Hex.parse(parts[1]), type.watch() ? kind : 0);
    }

    private static String[] split(String s, char sep, String packet) {
        int i = s.indexOf(sep);
        if (i < 0) {
            throw new ProtocolException(packet + " packet needs address" + sep + "length");
        }
        return new String[] {s.substring(0, i), s.substring(i + 1)};
    }
}
