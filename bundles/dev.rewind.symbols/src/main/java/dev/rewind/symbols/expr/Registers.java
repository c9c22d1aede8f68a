package dev.rewind.symbols.expr;

import java.util.Map;

/** RISC-V integer register names (ABI and xN) to DWARF register numbers. */
final class Registers {
    private static final String[] ABI = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1",
        "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
        "t5", "t6"};
    private static final Map<String, Integer> NAMES = build();

    private Registers() {
    }

    private static Map<String, Integer> build() {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < 32; i++) {
            m.put(ABI[i], i);
            m.put("x" + i, i);
        }
        m.put("fp", 8);
        return Map.copyOf(m);
    }

    /** The DWARF number of {@code name}, or -1. */
    static int number(String name) {
        return NAMES.getOrDefault(name, -1);
    }
}
