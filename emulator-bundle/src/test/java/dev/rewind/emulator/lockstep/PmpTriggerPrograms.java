package dev.rewind.emulator.lockstep;

import dev.rewind.emulator.jit.RandomPrograms;
import java.util.Random;

/**
 * Random programs that program PMP entries (OFF/TOR/NA4/NAPOT, permissions, locks) and trigger CSRs (type 2
 * and 6, execute/load/store address matches, M and U), toggle mstatus.MPRV (loads and stores then checked as
 * U-mode), access a data region in M-mode and in stretches of U-mode, for lockstep against QEMU 7.2. Values stay inside what the spec and QEMU agree
 * on: no R=0/W=1 pmpcfg (QEMU keeps the reserved combination, Rewind clears W), pmpaddr below 2^54 (QEMU keeps
 * all 64 bits), tselect 0 or 1 (QEMU has 2 triggers, Rewind 4), match 0 and size "any" with accesses at multiples
 * of 8 bytes from the trigger address (QEMU watches 8 bytes for size "any"), no tinfo reads (QEMU reports version
 * 0 and no type 15) and tdata1 read only after a valid configuration (a disabled trigger reads type 2 on QEMU,
 * 15 on Rewind); mstatus.MIE is 1 so that M-mode triggers fire on both (Rewind follows the debug spec's
 * re-entrancy rule: none while MIE is 0); MPRV is cleared before MRET to U-mode (the spec clears it there, QEMU 7.2
 * keeps it); the pmpaddr below an active TOR entry is not rewritten (QEMU 7.2 keeps the TOR range it computed when
 * the entry itself was written). Code and the handler stay outside every PMP range but entry 15's.
 */
final class PmpTriggerPrograms {
    private PmpTriggerPrograms() {
    }

    static final long DATA = RandomPrograms.DATA;

    /**
     * At RAM+4: skips the trapping instruction (2 or 4 bytes) and returns; after an ecall from U-mode it returns
     * to M-mode (MPP=M).
     */
    private static final String HANDLER = RandomPrograms.HANDLER_ENTRY + """
            csrrs t6,mcause,zero
            addi t6,t6,-8
            bne t6,zero,skip
            addi t6,zero,3
            slli t6,t6,11
            csrrs zero,mstatus,t6
            skip:
            """ + RandomPrograms.HANDLER_SKIP;

    static String program(int xlen, long seed, int snippets) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(HANDLER);
        long words = HANDLER.lines().filter(l -> !l.endsWith(":")).count();
        sb.append(".zero ").append(RandomPrograms.BODY - RandomPrograms.RAM - 4 * words).append('\n');
        long back = RandomPrograms.HANDLER - RandomPrograms.BODY;   // -4092: two addi
        sb.append("start:\nauipc t6,0\naddi t6,t6,").append(back / 2).append("\naddi t6,t6,").append(back - back / 2)
                .append("\ncsrrw zero,mtvec,t6\n").append(li(xlen, "s0", DATA)).append("csrrsi zero,mstatus,8\n");
        // entry 15 (the last to match): U-mode may run the code and use RAM where no other entry says otherwise
        sb.append(li(xlen, "a3", (RandomPrograms.RAM >> 2) | 0x3FFF)).append("csrrw zero,0x3bf,a3\n")
                .append("addi a4,zero,0x1f\nslli a4,a4,").append(xlen == 64 ? 56 : 24)
                .append("\ncsrrs zero,").append(xlen == 64 ? "0x3a2" : "0x3a3").append(",a4\n");
        int[] mode = new int[17];
        boolean[] locked = new boolean[16];
        boolean[] torLocked = new boolean[16];
        for (int i = 0; i < snippets; i++) {
            switch (r.nextInt(7)) {
                case 0, 1 -> pmp(sb, xlen, r, mode, locked, torLocked);
                case 5 -> {
                    // a stretch in U-mode, back to M-mode through ecall (the handler sets MPP=M for it)
                    // MPRV cleared first: MRET to U-mode clears it (privileged spec 1.12), QEMU 7.2 keeps it
                    sb.append("lui a4,0x20\ncsrrc zero,mstatus,a4\naddi a5,zero,3\nslli a5,a5,11\n")
                            .append("csrrc zero,mstatus,a5\nauipc a4,0\naddi a4,a4,16\ncsrrw zero,mepc,a4\nmret\n");
                    accesses(sb, xlen, r);
                    sb.append("ecall\ncsrrsi zero,mstatus,8\n");   // back in M-mode: MIE=1 again (see above)
                }
                case 2 -> trigger(sb, xlen, r);
                case 3 -> sb.append("lui a4,0x20\n").append(r.nextBoolean() ? "csrrs" : "csrrc")
                        .append(" zero,mstatus,a4\n");
                default -> {
                }
            }
            accesses(sb, xlen, r);
        }
        sb.append("lui a4,0x20\ncsrrc zero,mstatus,a4\n");
        sb.append("lui t6,0x100\nlui t5,0x5\naddi t5,t5,0x555\nsw t5,0(t6)\n");
        return sb.toString();
    }

    private static void accesses(StringBuilder sb, int xlen, Random r) {
        String[] ops = xlen == 64 ? new String[] {"lw", "sw", "lb", "sb", "ld", "sd", "lhu", "sh"}
                : new String[] {"lw", "sw", "lb", "sb", "lhu", "sh"};
        for (int k = r.nextInt(4); k >= 0; k--) {
            String op = ops[r.nextInt(ops.length)];
            String reg = op.startsWith("s") ? "s1" : "a" + r.nextInt(3);
            sb.append(op).append(' ').append(reg).append(',').append(8 * r.nextInt(64)).append("(s0)\n");
        }
        sb.append("csrrs a0,").append(0x3B0 + r.nextInt(16)).append(",zero\n");
        sb.append("csrrs a1,0x3a").append(xlen == 64 ? 2 * r.nextInt(2) : r.nextInt(4)).append(",zero\n");
    }

    private static void pmp(StringBuilder sb, int xlen, Random r, int[] modes, boolean[] locked,
            boolean[] torLocked) {
        int i = r.nextInt(15);
        int mode = r.nextInt(4);
        if (mode == 1 && (i == 0 || locked[i - 1] || torLocked[i - 1])) {
            mode = 2;
        }
        if (modes[i + 1] == 1 || locked[i]) {
            // QEMU 7.2 recomputes a TOR entry's range only when that entry's own CSRs are written: changing the
            // pmpaddr below an active TOR entry leaves QEMU with a stale range (Rewind, as the spec, uses the new
            // one), so such writes are left out
            return;
        }
        int[] perms = {0, 1, 3, 4, 5, 7};
        int cfg = perms[r.nextInt(perms.length)] | mode << 3 | (r.nextInt(5) == 0 ? 0x80 : 0);
        long lo = DATA + 8L * r.nextInt(64);
        switch (mode) {
            case 1 -> {
                sb.append(li(xlen, "a3", lo >> 2)).append("csrrw zero,").append(0x3B0 + i - 1).append(",a3\n");
                sb.append(li(xlen, "a3", (lo + 8L * (1 + r.nextInt(32))) >> 2));
            }
            case 3 -> {
                int size = 3 + r.nextInt(7);                     // 8 bytes .. 512 bytes
                long base = lo & -(1L << size);
                sb.append(li(xlen, "a3", (base >> 2) | ((1L << (size - 3)) - 1)));
            }
            default -> sb.append(li(xlen, "a3", lo >> 2));
        }
        sb.append("csrrw zero,").append(0x3B0 + i).append(",a3\n");
        int per = xlen / 8;
        int reg = 0x3A0 + (xlen == 64 ? 2 * (i / 8) : i / 4);
        int shift = 8 * (i % per);
        sb.append("addi a4,zero,255\nslli a4,a4,").append(shift).append("\ncsrrc zero,").append(reg).append(",a4\n");
        sb.append("addi a4,zero,").append(cfg).append("\nslli a4,a4,").append(shift).append("\ncsrrs zero,")
                .append(reg).append(",a4\n");
        modes[i] = mode;
        if (!locked[i] && (cfg & 0x80) != 0) {
            locked[i] = true;
            if (mode == 1) {
                torLocked[i - 1] = true;
            }
        }
    }

    private static void trigger(StringBuilder sb, int xlen, Random r) {
        sb.append("addi a4,zero,").append(r.nextInt(2)).append("\ncsrrw zero,0x7a0,a4\ncsrrw zero,0x7a1,zero\n");
        long type = r.nextBoolean() ? 2 : 6;
        boolean exec = r.nextInt(3) == 0;
        StringBuilder arm = new StringBuilder();
        arm.append("csrrw zero,0x7a2,a3\naddi a4,zero,").append(type).append("\nslli a4,a4,").append(xlen - 4)
                .append('\n');
        int bits = (r.nextBoolean() ? 0x40 : 0x48) | (exec ? 4 : 1 + r.nextInt(3));
        arm.append("ori a4,a4,").append(bits).append("\ncsrrw zero,0x7a1,a4\ncsrrs a5,0x7a1,zero\n");
        if (exec) {
            // the target: the instruction right after the arming sequence and one addi
            int lines = arm.toString().split("\n").length;
            sb.append("auipc a3,0\naddi a3,a3,").append(4 * (lines + 3)).append('\n').append(arm);
            sb.append("addi a6,zero,1\naddi a7,zero,2\n");
        } else {
            sb.append(li(xlen, "a3", DATA + 8L * r.nextInt(64))).append(arm);
        }
        sb.append("csrrs a2,0x7a0,zero\n");
    }

    /** {@code v} (below 2^32, or any non-negative value on RV64 up to 2^54) into {@code reg}, zero-extended. */
    static String li(int xlen, String reg, long v) {
        long low32 = v & 0xFFFFFFFFL;
        long hi = (low32 + 0x800) >> 12;
        long lo = low32 - (hi << 12);
        String s = "lui " + reg + "," + (hi & 0xFFFFF) + "\naddi " + reg + "," + reg + "," + lo + "\n";
        if (xlen == 32) {
            return s;
        }
        s += "slli " + reg + "," + reg + ",32\nsrli " + reg + "," + reg + ",32\n";
        return s;
    }
}
