package dev.rewind.emulator.cpu;

import dev.rewind.emulator.isa.Decoded;
import dev.rewind.emulator.isa.Decoder;
import dev.rewind.emulator.isa.Op;
import dev.rewind.emulator.mem.PageFlags;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Decoded blocks cached per RAM page (indexed by halfword offset). A page holding blocks carries the
 * {@link PageFlags#CODE} flag so stores to it take the slow path, which calls {@link #invalidatePage}.
 * Breakpoints live here: a block never contains a breakpoint address except as its first instruction,
 * and such a block is marked so the interpreter stops before it. Code is fetched from RAM only.
 */
public final class CodeCache {
    static final int MAX_BLOCK = 64;

    private final PhysicalMemory mem;
    private final Decoder decoder;
    private final long xmask;
    private final int xlen;
    private final Block[][] pages;
    private final boolean[] straddles;
    private final TreeSet<Long> breakpoints = new TreeSet<>();
    private final List<Instrumentation> instrumentations = new ArrayList<>();
    private dev.rewind.emulator.plugin.PluginHost host;

    public CodeCache(PhysicalMemory mem, int xlen) {
        this.mem = mem;
        this.xlen = xlen;
        this.decoder = Decoder.of(xlen);
        this.xmask = xlen == 32 ? 0xFFFFFFFFL : -1L;
        this.pages = new Block[mem.pageCount()][];
        this.straddles = new boolean[mem.pageCount()];
        this.host = new dev.rewind.emulator.plugin.PluginHost(1, xlen);
    }

    /** The machine's plugin host (blocks are offered to its plugins when they are decoded). */
    public void setPluginHost(dev.rewind.emulator.plugin.PluginHost host) {
        this.host = host;
    }

    public dev.rewind.emulator.plugin.PluginHost pluginHost() {
        return host;
    }

    public int xlen() {
        return xlen;
    }

    public Decoder decoder() {
        return decoder;
    }

    Block lookup(long pc) {
        long off = pc - mem.base();
        if (off < 0 || off >= mem.size()) {
            return null;
        }
        Block[] bs = pages[(int) (off >>> PhysicalMemory.PAGE_BITS)];
        return bs == null ? null : bs[((int) off & PhysicalMemory.PAGE_MASK) >>> 1];
    }

    /** Drops the decoded blocks of RAM page {@code p} (and of the previous page if a block straddles into p). */
    public void invalidatePage(int p) {
        if (pages[p] != null) {
            for (Block b : pages[p]) {
                if (b != null) {
                    b.valid = false;
                    if (b.regions != null) {
                        for (JitCode r : b.regions.toArray(JitCode[]::new)) {
                            r.kill();
                        }
                    }
                }
            }
            pages[p] = null;
            straddles[p] = false;
        }
        mem.setFlag(p, PageFlags.CODE, false);
        if (p > 0 && straddles[p - 1]) {
            invalidatePage(p - 1);
        }
    }

    public void invalidateAll() {
        for (int p = 0; p < pages.length; p++) {
            if (pages[p] != null || (mem.flags(p) & PageFlags.CODE) != 0) {
                if (pages[p] != null) {
                    for (Block b : pages[p]) {
                        if (b != null) {
                            b.valid = false;
                        }
                    }
                }
                pages[p] = null;
                straddles[p] = false;
                mem.setFlag(p, PageFlags.CODE, false);
            }
        }
    }

    /**
     * A snapshot restore replaced page {@code p}'s contents ({@link PhysicalMemory#restore(
     * dev.rewind.emulator.mem.MemoryImage, java.util.function.IntConsumer)}): drops its decoded (and translated)
     * code, if any. Pages a restore did not touch keep theirs, which is sound because restore skips only pages
     * whose contents already equal the image's, and a page with decoded code is never written without
     * invalidation. Keeps hot translations across time travel.
     */
    public void pageReplaced(int p) {
        if (pages[p] != null || (mem.flags(p) & PageFlags.CODE) != 0) {
            invalidatePage(p);
        }
    }

    public boolean addBreakpoint(long pc) {
        boolean added = breakpoints.add(pc);
        refreshBreakpointPage(pc);
        return added;
    }

    public boolean removeBreakpoint(long pc) {
        boolean removed = breakpoints.remove(pc);
        refreshBreakpointPage(pc);
        return removed;
    }

    public List<Long> breakpoints() {
        return List.copyOf(breakpoints);
    }

    public boolean hasBreakpoint(long pc) {
        return breakpoints.contains(pc);
    }

    private void refreshBreakpointPage(long pc) {
        if (!mem.contains(pc, 1)) {
            return;
        }
        int p = mem.pageOf(pc);
        long start = mem.base() + ((long) p << PhysicalMemory.PAGE_BITS);
        Long next = breakpoints.ceiling(start);
        mem.setFlag(p, PageFlags.BREAKPOINT, next != null && next < start + PhysicalMemory.PAGE_SIZE);
        invalidatePage(p);
    }

    public void addInstrumentation(Instrumentation i) {
        instrumentations.add(i);
        invalidateAll();
    }

    public void removeInstrumentation(Instrumentation i) {
        instrumentations.remove(i);
        invalidateAll();
    }

    /** Decodes and caches the block at {@code pc}; throws an instruction access fault when pc is not in RAM. */
    Block build(long pc, Trap trap) {
        if (!mem.contains(pc, 2)) {
            throw trap.set(Trap.INSN_ACCESS, pc);
        }
        int p = mem.pageOf(pc);
        boolean bpPage = (mem.flags(p) & PageFlags.BREAKPOINT) != 0;
        List<Decoded> ds = new ArrayList<>();
        long[] pcs = new long[MAX_BLOCK];
        long a = pc;
        boolean straddle = false;
        while (ds.size() < MAX_BLOCK) {
            if (a != pc && (!mem.contains(a, 2) || mem.pageOf(a) != p || bpPage && breakpoints.contains(a))) {
                break;
            }
            int lo = (int) mem.read(a, 2);
            int bits = lo;
            if (Decoder.length(lo) == 4) {
                if (!mem.contains(a + 2, 2)) {
                    if (a == pc) {
                        throw trap.set(Trap.INSN_ACCESS, a + 2);
                    }
                    break;
                }
                if (mem.pageOf(a + 2) != p) {
                    if (a != pc) {
                        break;
                    }
                    straddle = true;
                }
                bits |= (int) mem.read(a + 2, 2) << 16;
            }
            Decoded d = decoder.decode(bits);
            pcs[ds.size()] = a;
            ds.add(d);
            a += d.length();
            if (Op.endsBlock(d.op()) || straddle) {
                break;
            }
        }
        int n = ds.size();
        int[] code = new int[n];
        long[] imm = new long[n];
        int[] offs = new int[n + 1];
        int[] raw = new int[n];
        long endPc = a & xmask;
        for (int i = 0; i < n; i++) {
            Decoded d = ds.get(i);
            int rd = d.rd() == 0 ? 32 : d.rd();
            code[i] = d.op() | rd << 8 | d.rs1() << 16 | d.rs2() << 24;
            raw[i] = d.bits();
            offs[i] = (int) (pcs[i] - pc);
            long v = d.imm();
            switch (d.op()) {
                case Op.JAL, Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU -> v = (pcs[i] + v) & xmask;
                case Op.AUIPC -> v = xlen == 32 ? (int) (pcs[i] + v) : pcs[i] + v;
                case Op.ILLEGAL -> v = d.bits() & (d.length() == 2 ? 0xFFFFL : 0xFFFFFFFFL);
                default -> {
                }
            }
            imm[i] = v;
        }
        offs[n] = (int) (a - pc);
        long link = xlen == 32 ? (int) endPc : endPc;
        Block b = new Block(pc, n, code, imm, offs, raw, endPc, link, bpPage && breakpoints.contains(pc));
        if (!instrumentations.isEmpty() || host.active()) {
            long[] ipcs = java.util.Arrays.copyOf(pcs, n);
            BlockExecCallback[] legacy = null;
            if (!instrumentations.isEmpty()) {
                TranslatedBlock tb = new TranslatedBlock(pc, ds, ipcs);
                for (Instrumentation ins : instrumentations) {
                    ins.onTranslate(tb);
                }
                legacy = tb.callbacks();
            }
            int[] ops = new int[n];
            for (int i = 0; i < n; i++) {
                ops[i] = code[i] & 0xFF;
            }
            b.probes = host.translate(pc, ds, ipcs, ops, legacy);
        }
        if (pages[p] == null) {
            pages[p] = new Block[PhysicalMemory.PAGE_SIZE / 2];
        }
        pages[p][((int) (pc - mem.base()) & PhysicalMemory.PAGE_MASK) >>> 1] = b;
        mem.setFlag(p, PageFlags.CODE, true);
        if (straddle) {
            straddles[p] = true;
            mem.setFlag(p + 1, PageFlags.CODE, true);
        }
        return b;
    }
}
