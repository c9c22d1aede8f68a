package dev.rewind.emulator.lockstep;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.cpu.Hart;
import dev.rewind.emulator.isa.Decoded;
import dev.rewind.emulator.isa.Decoder;
import dev.rewind.emulator.isa.Disassembler;
import dev.rewind.emulator.isa.Names;
import dev.rewind.emulator.isa.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps hart 0 of a Rewind machine one instruction at a time beside QEMU's log and compares pc, x1..x31 and the
 * M-mode CSRs after every instruction. Values QEMU takes from the host clock (cycle, time, instret and the
 * CLINT's mtime) are copied from QEMU into Rewind's destination register, as is a timer-pending bit. Known
 * deviations of QEMU 7.2 from the privileged spec are tolerated and named in {@link #tolerated}.
 */
final class Lockstep {

    private static final String[] CSR_NAMES = {"mstatus", "mie", "mip", "mtvec", "mepc", "mcause", "mtval",
        "mscratch"};
    private static final int[] CSR_NUMBERS = {0x300, 0x304, 0x344, 0x305, 0x341, 0x342, 0x343, 0x340};
    private static final long MTIME = MachineConfig.CLINT_BASE + 0xBFF8;

    private final Machine m;
    private final String name;
    private final Decoder decoder;
    private final Disassembler disassembler;
    private final long xmask;
    /** How many instructions each tolerance let pass (for the test's own sanity checks). */
    int synced, amoCauses, htifExits, ebreakTvals, qemuDeviations, triggerTvals, prefetchTraps, userSteps,
            accessFaults;

    Lockstep(Machine m, String name) {
        this.m = m;
        this.name = name;
        int xlen = m.config().xlen();
        this.decoder = new Decoder(xlen);
        this.disassembler = new Disassembler(xlen);
        this.xmask = xlen == 32 ? 0xFFFFFFFFL : -1L;
    }

    /**
     * Compares the run; returns the number of instructions compared. The machine's hart 0 starts from QEMU's
     * registers at the entry (QEMU's reset vector leaves a0..a2 and t0 set).
     */
    int compare(List<QemuState> q, boolean qemuExited) {
        if (q.isEmpty()) {
            throw new AssertionError(name + ": QEMU's log has no instruction at the entry point");
        }
        Hart h = m.hart(0);
        if (h.pc() != q.get(0).pc()) {
            throw new AssertionError(name + String.format(": entry differs: Rewind 0x%x, QEMU 0x%x", h.pc(),
                    q.get(0).pc()));
        }
        for (int r = 1; r < 32; r++) {
            h.setReg(r, q.get(0).x()[r]);
        }
        for (int i = 0; i + 1 < q.size(); i++) {
            long pc = h.pc();
            int bits = fetch(pc);
            Decoded d = decoder.decode(bits);
            boolean atomic = d.op() >= Op.LR_W && d.op() <= Op.AMOMAXU_D;
            long addr = h.reg(d.rs1()) + (atomic ? 0 : d.imm());
            long src = h.reg(d.rs1());
            userSteps += h.privilege() == Hart.PRIV_U ? 1 : 0;
            RunResult r = m.run(1);
            QemuState after = q.get(i + 1);
            long cause = after.csr("mcause");
            accessFaults += after.pc() != pc + d.length() && after.csr("mepc") == pc && (cause == 5 || cause == 7)
                    ? 1 : 0;
            if (r.reason() == StopReason.EXITED && qemuExited && i + 2 == q.size() && htifLowWord(d, addr)) {
                // QEMU's HTIF acts on the store of tohost's high word, one store after Rewind (the low word)
                htifExits++;
                return i + 1;
            }
            if (r.reason() != StopReason.LIMIT_REACHED) {
                throw new AssertionError(name + ": Rewind stopped (" + r + ") at instruction " + i + " "
                        + describe(pc, bits) + " but QEMU went on to pc 0x" + Long.toHexString(after.pc()));
            }
            if (h.pc() != after.pc() && h.pc() == after.csr("mepc") && prefetchTrap(after.csr("mcause"))
                    && h.pc() != pc) {
                // QEMU takes a trap raised before an instruction runs (execute trigger, fetch fault) together with
                // the previous instruction (its log has no entry for the trapping one); Rewind counts it as a step
                m.run(1);
                prefetchTraps++;
            }
            if (readsHostClock(d, addr) && d.rd() != 0) {
                h.setReg(d.rd(), after.x()[d.rd()]);
                synced++;
            }
            long mask = interruptCsrMask(d);
            if (mask != 0 && d.rd() != 0 && ((h.reg(d.rd()) ^ after.x()[d.rd()]) & xmask & mask) == 0) {
                h.setReg(d.rd(), after.x()[d.rd()]);
            }
            List<String> diffs = differences(h, after, d);
            if (!diffs.isEmpty() && after.pc() == pc + d.length() && h.pc() != after.pc()
                    && qemuSkipsTrap(d, addr, src)) {
                // Rewind trapped as the spec says; QEMU 7.2 does not: nothing after this point can agree
                qemuDeviations++;
                return i;
            }
            if (!diffs.isEmpty()) {
                throw new AssertionError(name + ": instruction " + i + " " + describe(pc, bits) + " differs: "
                        + String.join(", ", diffs) + "\nbefore (QEMU): " + dump(q.get(i)) + "\nafter (QEMU):  "
                        + dump(after) + "\nafter (Rewind): " + dump(h));
            }
        }
        if (qemuExited) {
            long pc = h.pc();
            RunResult r = m.run(1);
            if (r.reason() != StopReason.EXITED) {
                throw new AssertionError(name + ": QEMU exited after " + describe(pc, fetch(pc)) + " but Rewind "
                        + r);
            }
        }
        return q.size() - 1;
    }

    /**
     * Instructions that must trap by the spec where QEMU 7.2 does not: SC to a misaligned address without a
     * reservation (QEMU fails it, rd = 1), and CSRRS/CSRRC with rs1 != x0 holding 0 on a read-only CSR (QEMU treats
     * it as a read; the spec counts it as a write attempt).
     */
    private boolean qemuSkipsTrap(Decoded d, long addr, long src) {
        int op = d.op();
        if (op == Op.SC_W || op == Op.SC_D) {
            return (addr & (op == Op.SC_W ? 3 : 7)) != 0;
        }
        boolean setClear = op == Op.CSRRS || op == Op.CSRRC;
        return setClear && d.rs1() != 0 && src == 0 && ((d.imm() >>> 10) & 3) == 3;
    }

    private static boolean prefetchTrap(long cause) {
        return cause == 1 || cause == 3;
    }

    /** For a read of mie, mip or mepc: the bits that must agree (see {@link #tolerated}); else 0. */
    private static long interruptCsrMask(Decoded d) {
        if (d.op() < Op.CSRRW || d.op() > Op.CSRRCI) {
            return 0;
        }
        int csr = (int) (d.imm() & 0xFFF);
        return csr == 0x304 ? 0x888L : csr == 0x344 ? 0x808L : csr == 0x341 ? ~1L : 0;
    }

    private boolean htifLowWord(Decoded d, long addr) {
        return xmask == 0xFFFFFFFFL && d.op() == Op.SW && (addr & 7) == 0;
    }

    private boolean readsHostClock(Decoded d, long addr) {
        int op = d.op();
        if (op >= Op.CSRRW && op <= Op.CSRRCI) {
            int csr = (int) (d.imm() & 0xFFF);
            int low = csr & 0x7F;
            return (csr & 0xF00) == 0xC00 || (csr & 0xF00) == 0xB00 && low <= 2 || (csr & 0xF80) == 0xB80
                    && low <= 2;
        }
        boolean load = op >= Op.LB && op <= Op.LWU;
        return load && (addr & xmask) >= MTIME && (addr & xmask) < MTIME + 8;
    }

    private List<String> differences(Hart h, QemuState q, Decoded d) {
        List<String> out = new ArrayList<>();
        if (h.pc() != q.pc()) {
            out.add(String.format("pc Rewind 0x%x QEMU 0x%x", h.pc(), q.pc()));
        }
        for (int r = 1; r < 32; r++) {
            long mine = h.reg(r) & xmask;
            if (mine != q.x()[r]) {
                out.add(String.format("%s Rewind 0x%x QEMU 0x%x", Names.reg(r), mine, q.x()[r]));
            }
        }
        for (int c = 0; c < CSR_NAMES.length; c++) {
            long mine = m.readCsr(0, CSR_NUMBERS[c]) & xmask;
            long theirs = q.csr(CSR_NAMES[c]);
            if (mine != theirs && !tolerated(CSR_NAMES[c], mine, theirs, d)) {
                out.add(String.format("%s Rewind 0x%x QEMU 0x%x", CSR_NAMES[c], mine, theirs));
            }
        }
        return out;
    }

    /**
     * Where QEMU 7.2 and Rewind differ within what the privileged spec allows, or QEMU deviates from it: QEMU shows
     * mstatus.SXL without S-mode; mip.MTIP follows the host clock (and QEMU's mtimecmp resets to 0, Rewind's to
     * all ones); QEMU's mie keeps bits of extensions it was told to leave out (LCOFI, VS*, SGEI); QEMU keeps
     * mepc[0] as written (it is always zero); a misaligned AMO
     * reports cause 4 (load) instead of 6; EBREAK and a guest trigger's breakpoint leave mtval 0 on QEMU, the pc
     * (or the accessed address) on Rewind (as Spike and the debug spec). Where a
     * later instruction could read the CSR, Rewind's value is set to QEMU's.
     */
    private boolean tolerated(String csr, long mine, long theirs, Decoded d) {
        return switch (csr) {
            case "mstatus" -> (mine & ~(3L << 34)) == (theirs & ~(3L << 34));
            case "mip" -> (mine & 0x808L) == (theirs & 0x808L);
            case "mie" -> (mine & 0x888L) == (theirs & 0x888L);
            case "mepc" -> mine == (theirs & ~1L);
            case "mtval" -> {
                if (d.op() == Op.EBREAK && theirs == 0) {
                    ebreakTvals++;
                    m.writeCsr(0, 0x343, 0);
                    yield true;
                }
                if (m.readCsr(0, 0x342) == 3 && theirs == 0) {
                    // a guest trigger fired: QEMU 7.2 leaves mtval 0, Rewind gives the address (debug spec)
                    triggerTvals++;
                    m.writeCsr(0, 0x343, 0);
                    yield true;
                }
                yield false;
            }
            case "mcause" -> {
                boolean amo = d.op() >= Op.LR_W && d.op() <= Op.AMOMAXU_D && d.op() != Op.LR_W && d.op() != Op.LR_D;
                if (amo && mine == 6 && theirs == 4) {
                    amoCauses++;
                    m.writeCsr(0, 0x342, 4);
                    yield true;
                }
                yield false;
            }
            default -> false;
        };
    }

    private int fetch(long pc) {
        byte[] b = new byte[4];
        m.readMemory(pc, b, 0, 2);
        if (Decoder.length(b[0] & 0xFF) == 4) {
            m.readMemory(pc + 2, b, 2, 2);
        }
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    private String describe(long pc, int bits) {
        return String.format("at 0x%x: %08x %s", pc, bits, disassembler.disassemble(bits, pc));
    }

    private String dump(QemuState s) {
        StringBuilder sb = new StringBuilder(String.format("pc=0x%x", s.pc()));
        for (int r = 1; r < 32; r++) {
            sb.append(String.format(" %s=0x%x", Names.reg(r), s.x()[r]));
        }
        for (String c : CSR_NAMES) {
            sb.append(String.format(" %s=0x%x", c, s.csr(c)));
        }
        return sb.toString();
    }

    private String dump(Hart h) {
        StringBuilder sb = new StringBuilder(String.format("pc=0x%x", h.pc()));
        for (int r = 1; r < 32; r++) {
            sb.append(String.format(" %s=0x%x", Names.reg(r), h.reg(r) & xmask));
        }
        for (int c = 0; c < CSR_NAMES.length; c++) {
            sb.append(String.format(" %s=0x%x", CSR_NAMES[c], m.readCsr(0, CSR_NUMBERS[c]) & xmask));
        }
        return sb.toString();
    }
}
