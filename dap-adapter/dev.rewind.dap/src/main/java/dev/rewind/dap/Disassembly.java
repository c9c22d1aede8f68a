package dev.rewind.dap;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * Disassembly around an address, also backwards: RISC-V instructions are 2 or 4 bytes, so going back means
 * finding a start from which forward decoding lands exactly on the address (the containing function's start when
 * the symbols know it, else a few candidate starts). Where no memory is, the entries have {@code bytes == null}.
 */
public final class Disassembly {

    private final DapContext context;

    public Disassembly(DapContext context) {
        this.context = context;
    }

    /** {@code count} instructions starting {@code shift} instructions from {@code base} (negative: before it). */
    public List<Instruction> around(long base, int shift, int count) {
        List<Instruction> out = new ArrayList<>(count);
        if (count == 0) {
            return out;
        }
        if (shift >= 0) {
            List<Instruction> fwd = forward(base, shift + count);
            for (int i = shift; i < shift + count; i++) {
                out.add(i < fwd.size() ? fwd.get(i) : invalid(fwd, base, i));
            }
            return out;
        }
        int before = -shift;
        List<Instruction> back = backward(base, before);
        int missing = before - back.size();
        for (int i = 0; i < missing && out.size() < count; i++) {
            long a = (back.isEmpty() ? base : back.get(0).address()) - 2L * (missing - i);
            out.add(new Instruction(a, null, "??"));
        }
        for (int i = 0; i < back.size() && out.size() < count; i++) {
            out.add(back.get(i));
        }
        if (out.size() < count) {
            List<Instruction> fwd = forward(base, count - out.size());
            for (int i = 0; out.size() < count; i++) {
                out.add(i < fwd.size() ? fwd.get(i) : invalid(fwd, base, i));
            }
        }
        return out;
    }

    private static Instruction invalid(List<Instruction> got, long base, int index) {
        long a = got.isEmpty() ? base + 2L * index : got.get(got.size() - 1).address() + 4L * (index - got.size() + 1);
        return new Instruction(a, null, "??");
    }

    private List<Instruction> forward(long address, int n) {
        DebugSession s = context.session();
        try {
            return context.await(s.disassemble(address, n));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Up to {@code n} instructions that end exactly at {@code base}, in address order. */
    private List<Instruction> backward(long base, int n) {
        List<Long> starts = new ArrayList<>();
        context.symbols().at(base - 1).filter(x -> ProgramSymbols.isFunction(x) && base - x.value() <= 65536)
                .ifPresent(x -> starts.add(x.value()));
        starts.add(base - 4L * n);
        starts.add(base - 4L * n - 2);
        starts.add(base - 2L * n);
        List<Instruction> best = List.of();
        for (long start : starts) {
            if (start >= base || start < 0) {
                continue;
            }
            List<Instruction> fwd = forward(start, (int) ((base - start) / 2) + 1);
            List<Instruction> before = new ArrayList<>();
            boolean lands = false;
            for (Instruction in : fwd) {
                if (in.address() == base) {
                    lands = true;
                    break;
                }
                if (in.address() > base) {
                    break;
                }
                before.add(in);
            }
            if (lands && before.size() > best.size()) {
                best = before.subList(Math.max(0, before.size() - n), before.size());
                if (best.size() == n) {
                    break;
                }
            }
        }
        return best;
    }
}
