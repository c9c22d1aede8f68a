package dev.rewind.emulator.isa;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** ABI register names and CSR names shared by the disassembler and the assembler. */
public final class Names {
    private Names() {
    }

    private static final String[] ABI = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",
        "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
        "t3", "t4", "t5", "t6"};

    private static final Map<String, Integer> REGS;
    private static final Map<Integer, String> CSR_NAMES;
    private static final Map<String, Integer> CSR_NUMBERS;

    static {
        Map<String, Integer> r = new HashMap<>();
        for (int i = 0; i < 32; i++) {
            r.put(ABI[i], i);
            r.put("x" + i, i);
        }
        r.put("fp", 8);
        REGS = Collections.unmodifiableMap(r);
        Map<Integer, String> c = new HashMap<>();
        c.put(0x300, "mstatus");
        c.put(0x301, "misa");
        c.put(0x304, "mie");
        c.put(0x305, "mtvec");
        c.put(0x306, "mcounteren");
        c.put(0x310, "mstatush");
        c.put(0x340, "mscratch");
        c.put(0x341, "mepc");
        c.put(0x342, "mcause");
        c.put(0x343, "mtval");
        c.put(0x344, "mip");
        c.put(0xF11, "mvendorid");
        c.put(0xF12, "marchid");
        c.put(0xF13, "mimpid");
        c.put(0xF14, "mhartid");
        c.put(0xF15, "mconfigptr");
        c.put(0xB00, "mcycle");
        c.put(0xB02, "minstret");
        c.put(0xB80, "mcycleh");
        c.put(0xB82, "minstreth");
        c.put(0xC00, "cycle");
        c.put(0xC01, "time");
        c.put(0xC02, "instret");
        c.put(0xC80, "cycleh");
        c.put(0xC81, "timeh");
        c.put(0xC82, "instreth");
        c.put(0x302, "medeleg");
        c.put(0x303, "mideleg");
        c.put(0x30A, "menvcfg");
        c.put(0x31A, "menvcfgh");
        c.put(0x320, "mcountinhibit");
        c.put(0x7A0, "tselect");
        c.put(0x7A1, "tdata1");
        c.put(0x7A2, "tdata2");
        c.put(0x7A3, "tdata3");
        c.put(0x7A4, "tinfo");
        for (int i = 0; i < 4; i++) {
            c.put(0x3A0 + i, "pmpcfg" + i);
        }
        for (int i = 0; i < 16; i++) {
            c.put(0x3B0 + i, "pmpaddr" + i);
        }
        CSR_NAMES = Collections.unmodifiableMap(c);
        Map<String, Integer> n = new HashMap<>();
        c.forEach((k, v) -> n.put(v, k));
        CSR_NUMBERS = Collections.unmodifiableMap(n);
    }

    /** ABI name of register {@code r} (0..31). */
    public static String reg(int r) {
        return ABI[r];
    }

    /** Register number for an ABI name or {@code xN}, or -1. */
    public static int regNumber(String name) {
        Integer r = REGS.get(name);
        return r == null ? -1 : r;
    }

    /** CSR name, or its number in hex when unnamed. */
    public static String csr(int number) {
        String n = CSR_NAMES.get(number);
        return n != null ? n : String.format("0x%x", number);
    }

    /** CSR number for a name, or -1. */
    public static int csrNumber(String name) {
        Integer n = CSR_NUMBERS.get(name);
        return n == null ? -1 : n;
    }
}
