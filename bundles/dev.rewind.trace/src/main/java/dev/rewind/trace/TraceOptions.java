package dev.rewind.trace;

import dev.rewind.emulator.elf.ElfImage;
import java.util.ArrayList;
import java.util.List;

/**
 * What a trace records and how much memory it may hold.
 *
 * @param blocks      every executed block (costly: a callback per block)
 * @param calls       function entries (blocks at a function symbol) and returns ({@code ret})
 * @param traps       exceptions and interrupts
 * @param uart        bytes written to the UART
 * @param mem         loads and stores touching these ranges
 * @param budgetBytes memory for the ring buffers of all harts together
 */
public record TraceOptions(boolean blocks, boolean calls, boolean traps, boolean uart, List<MemRange> mem,
        long budgetBytes) {

    public static final long DEFAULT_BUDGET = 64L << 20;

    /** An address range {@code [start, end)} named for messages. */
    public record MemRange(String name, long start, long end) {
        boolean overlaps(long addr, int size) {
            return addr < end && addr + size > start;
        }
    }

    public TraceOptions {
        mem = List.copyOf(mem);
        if (budgetBytes < EventRing.EVENT_BYTES) {
            throw new IllegalArgumentException("trace budget too small: " + budgetBytes + " bytes");
        }
    }

    /** Function calls, traps and UART output. */
    public static TraceOptions defaults() {
        return new TraceOptions(false, true, true, true, List.of(), DEFAULT_BUDGET);
    }

    /**
     * Parses {@code --what}: a comma-separated list of {@code blocks}, {@code calls}, {@code traps}, {@code uart},
     * {@code mem=SYMBOL} (the symbol's bytes, from {@code image}) and {@code mem=0xADDR+LEN}.
     *
     * @throws IllegalArgumentException naming the item that is not understood
     */
    public static TraceOptions parse(String what, ElfImage image, long budgetBytes) {
        return parse(what, name -> image == null ? java.util.Optional.empty() : image.symbol(name)
                .map(s -> new MemRange(name, s.value(), s.value() + Math.max(1, s.size()))), budgetBytes);
    }

    /**
     * As {@link #parse(String, ElfImage, long)}, with {@code symbols} giving the bytes of a symbol ({@code mem=SYMBOL}).
     */
    public static TraceOptions parse(String what,
            java.util.function.Function<String, java.util.Optional<MemRange>> symbols, long budgetBytes) {
        boolean blocks = false;
        boolean calls = false;
        boolean traps = false;
        boolean uart = false;
        List<MemRange> mem = new ArrayList<>();
        for (String item : what.split(",")) {
            String w = item.trim();
            switch (w) {
                case "blocks" -> blocks = true;
                case "calls" -> calls = true;
                case "traps" -> traps = true;
                case "uart" -> uart = true;
                default -> {
                    if (!w.startsWith("mem=")) {
                        throw new IllegalArgumentException("unknown trace item '" + w
                                + "' (expected blocks, calls, traps, uart, mem=SYMBOL or mem=0xADDR+LEN)");
                    }
                    mem.add(range(w.substring(4), symbols));
                }
            }
        }
        return new TraceOptions(blocks, calls, traps, uart, mem, budgetBytes);
    }

    private static MemRange range(String spec,
            java.util.function.Function<String, java.util.Optional<MemRange>> symbols) {
        if (spec.startsWith("0x")) {
            int plus = spec.indexOf('+');
            try {
                long start = Long.parseUnsignedLong(spec.substring(2, plus < 0 ? spec.length() : plus), 16);
                long len = plus < 0 ? 1 : Long.decode(spec.substring(plus + 1));
                return new MemRange(spec, start, start + len);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mem=" + spec + ": expected 0xADDR+LEN", e);
            }
        }
        return symbols.apply(spec)
                .orElseThrow(() -> new IllegalArgumentException("mem=" + spec + ": no such symbol in the program"));
    }
}
