package dev.rewind.emulator.lockstep;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses QEMU's {@code -d cpu} log: one block per instruction, starting with {@code pc}, then CSR lines
 * ({@code mstatus 0000...}) and four x registers per line ({@code x5/t0 0000...}). Entries before the first one
 * at {@code entry} (QEMU's reset vector at 0x1000) are dropped; at most {@code limit} entries are kept.
 */
final class QemuLog {
    private QemuLog() {
    }

    static List<QemuState> parse(Path log, long entry, int limit) throws IOException {
        List<QemuState> out = new ArrayList<>();
        boolean started = false;
        long pc = -1;
        long[] x = null;
        Map<String, Long> csrs = null;
        int regs = 0;
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null && out.size() < limit) {
                String t = line.trim();
                if (t.startsWith("pc ")) {
                    if (regs == 32 && started) {
                        out.add(new QemuState(pc, x, csrs));
                    }
                    pc = Long.parseUnsignedLong(t.substring(3).trim(), 16);
                    started |= pc == entry;
                    x = new long[32];
                    csrs = new HashMap<>();
                    regs = 0;
                } else if (x != null && t.startsWith("x")) {
                    String[] f = t.split("\\s+");
                    for (int i = 0; i + 1 < f.length; i += 2) {
                        int slash = f[i].indexOf('/');
                        x[Integer.parseInt(f[i].substring(1, slash))] = Long.parseUnsignedLong(f[i + 1], 16);
                        regs++;
                    }
                } else if (csrs != null && t.matches("[a-z0-9]+\\s+[0-9a-f]+")) {
                    String[] f = t.split("\\s+");
                    csrs.put(f[0], Long.parseUnsignedLong(f[1], 16));
                }
            }
        }
        // the last block may be cut short by the kill that ended QEMU: keep it only when complete
        if (regs == 32 && started && out.size() < limit) {
            out.add(new QemuState(pc, x, csrs));
        }
        return out;
    }
}
