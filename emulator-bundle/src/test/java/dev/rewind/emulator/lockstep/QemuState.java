package dev.rewind.emulator.lockstep;

import java.util.Map;

/** One entry of QEMU's per-instruction CPU log: the state before an instruction (pc, x0..x31, M-mode CSRs). */
record QemuState(long pc, long[] x, Map<String, Long> csrs) {

    long csr(String name) {
        Long v = csrs.get(name);
        if (v == null) {
            throw new IllegalStateException("QEMU's log has no " + name + " (format changed?)");
        }
        return v;
    }
}
