package dev.rewind.trace.export;

import dev.rewind.trace.EventKind;
import dev.rewind.trace.Lane;
import dev.rewind.trace.Trace;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CTF 1.8 (Common Trace Format; read by {@code babeltrace2} and Eclipse Trace Compass): a directory with the TSDL
 * {@code metadata} and one binary stream file per hart ({@code hart0}, ...), each a single packet whose context
 * names the hart as {@code cpu_id}. Little-endian, byte-aligned; timestamps are virtual time on a clock of 1 GHz
 * (one instruction slot per nanosecond). Event names: block, func_entry, func_return, exception, interrupt, load,
 * store, uart, exit.
 */
public final class CtfExport {
    private static final int MAGIC = 0xC1FC1FC1;

    private CtfExport() {
    }

    static final String[] NAMES = {"block", "func_entry", "func_return", "exception", "interrupt", "load", "store",
        "uart", "exit"};
    static final String[] FIELDS = {
        "uint64_t pc; uint32_t insns;",
        "uint64_t pc; string name;",
        "uint64_t pc;",
        "uint64_t epc; uint32_t cause;",
        "uint64_t epc; uint32_t cause;",
        "uint64_t addr; uint64_t value; uint8_t size;",
        "uint64_t addr; uint64_t value; uint8_t size;",
        "uint8_t ch;",
        "uint32_t code;",
    };

    /** Writes the trace into directory {@code dir} (created if needed). */
    public static void write(Trace t, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metadata"), metadata(t), StandardCharsets.UTF_8);
        for (Lane l : t.lanes()) {
            try (OutputStream f = Files.newOutputStream(dir.resolve("hart" + l.hart()));
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(f, 1 << 16))) {
                u32(out, MAGIC);
                u32(out, 0);
                u32(out, l.hart());
                for (int i = 0; i < l.size(); i++) {
                    event(out, t, l, i);
                }
            }
        }
    }

    private static void event(DataOutputStream out, Trace t, Lane l, int i) throws IOException {
        int code = l.kind()[i];
        EventKind k = EventKind.of(code);
        long a = l.a()[i];
        long b = l.b()[i];
        u32(out, k.ordinal());
        u64(out, l.time()[i]);
        switch (k) {
            case BLOCK -> {
                u64(out, a);
                u32(out, (int) b);
            }
            case ENTRY -> {
                u64(out, a);
                out.write(t.functionName(a).getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
            case RETURN -> u64(out, a);
            case EXCEPTION, INTERRUPT -> {
                u64(out, a);
                u32(out, (int) b);
            }
            case LOAD, STORE -> {
                u64(out, a);
                u64(out, b);
                out.write(EventKind.size(code));
            }
            case UART -> out.write((int) a);
            case EXIT -> u32(out, 0);
        }
    }

    static String metadata(Trace t) {
        StringBuilder m = new StringBuilder("/* CTF 1.8 */\n\n");
        m.append("typealias integer { size = 8; align = 8; signed = false; } := uint8_t;\n");
        m.append("typealias integer { size = 32; align = 8; signed = false; } := uint32_t;\n");
        m.append("typealias integer { size = 64; align = 8; signed = false; } := uint64_t;\n\n");
        m.append("trace {\n\tmajor = 1;\n\tminor = 8;\n\tbyte_order = le;\n");
        m.append("\tpacket.header := struct {\n\t\tuint32_t magic;\n\t\tuint32_t stream_id;\n\t};\n};\n\n");
        m.append("env {\n\tdomain = \"rewind\";\n\ttracer_name = \"rewind\";\n\tprogram = ")
                .append(Json.quote(t.label())).append(";\n\txlen = ").append(t.xlen()).append(";\n};\n\n");
        m.append("clock {\n\tname = virtual_time;\n\tdescription = \"machine virtual time: one instruction slot per ns\";\n");
        m.append("\tfreq = 1000000000;\n\toffset = 0;\n};\n\n");
        m.append("typealias integer { size = 64; align = 8; signed = false; map = clock.virtual_time.value; } := vtime_t;\n\n");
        m.append("stream {\n\tid = 0;\n\tpacket.context := struct {\n\t\tuint32_t cpu_id;\n\t};\n");
        m.append("\tevent.header := struct {\n\t\tuint32_t id;\n\t\tvtime_t timestamp;\n\t};\n};\n\n");
        for (int id = 0; id < NAMES.length; id++) {
            m.append("event {\n\tname = \"").append(NAMES[id]).append("\";\n\tid = ").append(id)
                    .append(";\n\tstream_id = 0;\n\tfields := struct { ").append(FIELDS[id]).append(" };\n};\n\n");
        }
        return m.toString();
    }

    private static void u32(DataOutputStream out, int v) throws IOException {
        out.writeInt(Integer.reverseBytes(v));
    }

    private static void u64(DataOutputStream out, long v) throws IOException {
        out.writeLong(Long.reverseBytes(v));
    }
}
