package dev.rewind.symbols.dwarf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Executes a CIE's initial instructions and an FDE's instructions up to an address (DWARF 5 section 6.4.2). */
final class CfiInterpreter {

    private static final int MAX_REMEMBERED = 64;

    private final Cie cie;
    private final long target;
    private long loc;
    private CfaRule cfa = new CfaRule(0, 0, null);
    private Map<Integer, RegisterRule> regs = new HashMap<>();
    private Map<Integer, RegisterRule> initial = Map.of();
    private final Deque<Object[]> remembered = new ArrayDeque<>();
    private boolean done;

    private CfiInterpreter(Cie cie, long startLoc, long target) {
        this.cie = cie;
        this.loc = startLoc;
        this.target = target;
    }

    static CfiRow rowAt(DwarfCursor section, Fde fde, long pc) {
        Cie cie = fde.cie();
        CfiInterpreter in = new CfiInterpreter(cie, fde.pcBegin(), pc);
        in.run(section.slice(cie.instructionsStart(), cie.instructionsEnd() - cie.instructionsStart()), true);
        in.initial = Map.copyOf(in.regs);
        in.done = false;
        in.run(section.slice(fde.instructionsStart(), fde.instructionsEnd() - fde.instructionsStart()), false);
        return new CfiRow(in.loc, in.cfa, in.regs, cie.returnAddressColumn());
    }

    private void run(DwarfCursor c, boolean inCie) {
        while (!done && c.hasRemaining()) {
            int op = c.u8();
            int high = op & 0xc0;
            int low = op & 0x3f;
            if (high == 0x40) {
                advance(low);
            } else if (high == 0x80) {
                regs.put(low, RegisterRule.offset(c.uleb() * cie.dataAlignment()));
            } else if (high == 0xc0) {
                restore(low, inCie);
            } else {
                extended(c, op, inCie);
            }
        }
    }

    private void extended(DwarfCursor c, int op, boolean inCie) {
        long daf = cie.dataAlignment();
        switch (op) {
            case 0x00 -> { } // nop
            case 0x01 -> setLoc(c.address(cie.addressSize()));
            case 0x02 -> advance(c.u8());
            case 0x03 -> advance(c.u16());
            case 0x04 -> advance(c.u32());
            case 0x05 -> regs.put(reg(c), RegisterRule.offset(c.uleb() * daf));
            case 0x06 -> restore(reg(c), inCie);
            case 0x07 -> regs.put(reg(c), RegisterRule.UNDEFINED);
            case 0x08 -> regs.put(reg(c), RegisterRule.SAME_VALUE);
            case 0x09 -> regs.put(reg(c), RegisterRule.register(reg(c)));
            case 0x0a -> {
                if (remembered.size() >= MAX_REMEMBERED) {
                    throw c.error("more than " + MAX_REMEMBERED + " remembered states");
                }
                remembered.push(new Object[] {cfa, new HashMap<>(regs)});
            }
            case 0x0b -> {
                Object[] s = remembered.poll();
                if (s == null) {
                    throw c.error("DW_CFA_restore_state without a remembered state");
                }
                @SuppressWarnings("unchecked")
                Map<Integer, RegisterRule> r = (Map<Integer, RegisterRule>) s[1];
                cfa = (CfaRule) s[0];
                regs = r;
            }
            case 0x0c -> cfa = new CfaRule(reg(c), c.uleb(), null);
            case 0x0d -> cfa = new CfaRule(reg(c), cfa.offset(), null);
            case 0x0e -> cfa = new CfaRule(cfa.register(), c.uleb(), null);
            case 0x0f -> cfa = new CfaRule(0, 0, block(c));
            case 0x10 -> regs.put(reg(c), RegisterRule.expression(block(c), false));
            case 0x11 -> regs.put(reg(c), RegisterRule.offset(c.sleb() * daf));
            case 0x12 -> cfa = new CfaRule(reg(c), c.sleb() * daf, null);
            case 0x13 -> cfa = new CfaRule(cfa.register(), c.sleb() * daf, null);
            case 0x14 -> regs.put(reg(c), RegisterRule.valOffset(c.uleb() * daf));
            case 0x15 -> regs.put(reg(c), RegisterRule.valOffset(c.sleb() * daf));
            case 0x16 -> regs.put(reg(c), RegisterRule.expression(block(c), true));
            case 0x2e -> c.uleb(); // DW_CFA_GNU_args_size
            case 0x2f -> regs.put(reg(c), RegisterRule.offset(-c.uleb() * daf));
            default -> throw c.error("unknown call frame instruction 0x" + Integer.toHexString(op));
        }
    }

    private void advance(long delta) {
        setLoc(loc + delta * cie.codeAlignment());
    }

    private void setLoc(long newLoc) {
        if (Long.compareUnsigned(newLoc, target) > 0) {
            done = true;
        } else {
            loc = newLoc;
        }
    }

    private void restore(int reg, boolean inCie) {
        RegisterRule r = inCie ? null : initial.get(reg);
        if (r == null) {
            regs.remove(reg);
        } else {
            regs.put(reg, r);
        }
    }

    private static int reg(DwarfCursor c) {
        long r = c.uleb();
        if (r < 0 || r > 0xffff) {
            throw c.error("register number " + r + " out of range");
        }
        return (int) r;
    }

    private static byte[] block(DwarfCursor c) {
        long n = c.uleb();
        if (n < 0 || n > c.remaining()) {
            throw c.error("expression of " + n + " bytes runs past the end");
        }
        return c.bytes((int) n);
    }
}
