package dev.rewind.emulator.cpu;

import dev.rewind.emulator.isa.Op;
import dev.rewind.emulator.jit.BlockSpec;
import dev.rewind.emulator.jit.Translator;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which blocks get translated and turns them into {@link JitCode}: when a block has been entered
 * {@code threshold} times, the region of untranslated decoded blocks reachable from it by direct jumps on its
 * page is handed to the {@link Translator} and the class bytes are defined as a hidden class of this package, one
 * class per region. The classes are shared by all machines of the JVM through {@link TranslationCache} (keyed by
 * everything the bytes depend on), so a new machine runs code HotSpot has already compiled; each machine makes
 * its own instances. Per machine apart from that cache. Translation never changes what the guest sees: only
 * which code runs it.
 */
final class JitControl {

    /** Default: on unless the system property {@code rewind.jit} is {@code false}. */
    static final boolean DEFAULT_ENABLED = !"false".equalsIgnoreCase(System.getProperty("rewind.jit", "true"));
    static final int DEFAULT_THRESHOLD = Integer.getInteger("rewind.jit.threshold", 100);
    /**
     * Most slots one call of a region may run during its first {@link #WARM_CALLS} calls ({@link #cap}; the slice loop
     * calls it again at the block boundary where it stops: no change to execution). A one-hart slice runs up to 2^20
     * slots, and a loop inside a region would then make a single call of it for that long: HotSpot, counting few
     * invocations, left such regions for long in its profiling tier or in on-stack-replacement code (measured 8-16%
     * slower over a 1 G-instruction run). Called about once per quantum's length at first, they are compiled as
     * before; later calls run uncapped (measured: bench-rv32 +11%, the others within noise, over capping always).
     * The cap of the warm calls sweeps 1..CAP ({@link #cap}) so that every block's budget check sees its exit
     * taken while HotSpot profiles the region: C2 then compiles each exit as code, not as an uncommon trap that the
     * end of a later slice would hit (one deoptimisation and one more C2 compilation of the whole region per block:
     * a bench-rv32 run of 5.5 G instructions recompiled one 4,400-byte region 30 times, 43 in all).
     * {@code -Drewind.jit.cap} and {@code -Drewind.jit.warmCalls} override them (experiments).
     */
    static final long CAP = Math.max(CodeCache.MAX_BLOCK, Long.getLong("rewind.jit.cap", 1000));
    static final int WARM_CALLS = Integer.getInteger("rewind.jit.warmCalls", 20000);
    /**
     * Region size limits ({@code -Drewind.jit.maxBlocks}/{@code maxInsns}, experiments): halved or doubled, bench-rv32,
     * work-fsm-rv32 and work-calls-rv64 stayed within noise (session 3, long one-hart slices).
     */
    static final int MAX_BLOCKS = Integer.getInteger("rewind.jit.maxBlocks", 48);
    static final int MAX_INSNS = Integer.getInteger("rewind.jit.maxInsns", 320);
    private static final MethodType CTOR = MethodType.methodType(void.class, Interpreter.class, Block[].class);

    private final Interpreter in;
    private final CodeCache code;
    private final int xlen;
    /**
     * Budget checks at loop headers and entries only ({@code jit.BudgetPlan}), one-hart machines only (multi-hart
     * slices end at every quantum; the last blocks before a slice's end then run in the interpreter), in the regions
     * where they pay ({@code jit.BudgetPlan.RULE}: regions of short blocks). On by default (session 7: work-fsm-rv32
     * +15%, work-mem-rv64 +8%); {@code -Drewind.jit.sparse=false} or {@link #sparse(boolean)} turn it off.
     */
    private boolean sparse;
    private final boolean oneHart;
    static final boolean SPARSE = !"false".equals(System.getProperty("rewind.jit.sparse"));
    private final long base;
    private final long size;
    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    /** The JVM-wide class cache, null when sharing is off ({@code -Drewind.jit.shared=false}). */
    private final TranslationCache shared = TranslationCache.jvmWide();
    /** Regions bound to this machine's memory ({@link BoundClasses}; by default on one-hart machines). */
    private final BoundClasses bound;
    boolean enabled = DEFAULT_ENABLED;
    /** Trip counts ({@code -Drewind.jit.trips=true}, diagnostics), else null. */
    final TripStats trips = TripStats.ON ? new TripStats() : null;
    int threshold = DEFAULT_THRESHOLD;
    /** Size limits of regions of short blocks ({@link RegionCut.Shorts}). */
    final RegionCut.Shorts shorts = new RegionCut.Shorts();
    long regions;
    long regionBlocks;
    /** Regions whose blocks lie on more than one page. */
    long multiPage;
    long failures;
    String lastFailure;

    /** Step of the warm calls' sweep over 1..{@link #CAP}: coprime with the default CAP, so it visits every value. */
    private static final long SWEEP = 61;

    /**
     * The most slots region j may run in this call: for its first {@link #WARM_CALLS} calls a value that sweeps
     * 1..{@link #CAP} (a call whose cap is below its first block's length runs nothing and returns 0; the slice loop
     * calls again with the next one), then any.
     */
    static long cap(JitCode j) {
        int e = j.entries;
        if (e < WARM_CALLS) {
            j.entries = e + 1;
            return 1 + e * SWEEP % CAP;
        }
        return Long.MAX_VALUE;
    }

    /** Where regions leave to, and which of their heads get formed again ({@link ExitHeat}). */
    private final ExitHeat heat = new ExitHeat();

    /**
     * Region j's call (one that ran, {@code ran} slots) left at pc: counted during its exit sample ({@link ExitHeat});
     * at the sample's end, j is formed again when it found new hot exits (j dies, the new region takes its blocks).
     */
    void exited(JitCode j, long pc, long ran) {
        int e = j.entries;
        if (e <= ExitHeat.START || e >= ExitHeat.END + ExitHeat.LATE || !enabled) {
            return;
        }
        java.util.Set<Long> hot = heat.exited(j, pc, ran, e, code);
        Block head = j.blocks[0];
        Block[] whole = heat.sampled(j) ? shorts.leavesToCut(j, heat) : null;   // once, as j's sample ends
        whole = whole == null && heat.sampled(j) ? shorts.warmed(j, heat) : whole;
        if ((hot != null || whole != null) && head.jit == j && head.valid) {
            j.kill();
            compile(head, whole != null ? whole : j.blocks);
        }
    }

    /** Narrow registers' bails and which heads keep which wide ({@link NarrowRetry}). */
    final NarrowRetry retry = new NarrowRetry();

    /** Region j bailed ({@link JitCode#bail}): translated again when {@link NarrowRetry} says so. */
    void bailed(JitCode j, Hart h, int regs) {
        Block head = j.blocks[0];
        if (retry.bailed(j, h, regs) && enabled && head.jit == j && head.valid) {
            j.kill();
            compile(head, j.blocks);
        }
    }

    /** Regions formed again with their hot exits ({@link ExitHeat}). */
    long reformed() {
        return heat.reformed;
    }

    JitControl(Interpreter in, CodeCache code, PhysicalMemory mem, int xlen, boolean oneHart) {
        this.in = in;
        this.oneHart = oneHart;
        this.sparse = oneHart && SPARSE;
        this.code = code;
        this.xlen = xlen;
        this.base = mem.base();
        this.size = mem.size();
        this.bound = new BoundClasses(in, BoundClasses.BIND && oneHart);
    }

    /**
     * Regions translated from now on bound to this machine's tag tables and RAM array (classes of this machine only),
     * or shared JVM-wide (off). Execution is the same either way. On by default on one-hart machines (long slices,
     * long runs: `rewind run`, CoreMark: +13..21% in-process); multi-hart machines share by default: a fresh machine
     * then runs classes HotSpot compiled for an earlier one (time travel's 4-hart recording bench, 1e8 instructions
     * on fresh machines: bench-mt 76 -> 323 ms bound, all warm-up).
     */
    void bind(boolean on) {
        bound.on(on);
    }

    /** Sparse budget checks in the regions translated from now on (one-hart machines; others ignore it). */
    void sparse(boolean on) {
        sparse = oneHart && on;
    }

    /**
     * Translates the region headed by {@code b}, or takes the class another machine of this JVM defined for
     * the same region ({@link TranslationCache}); null (and b marked) when that fails.
     */
    JitCode compile(Block b) {
        return compile(b, null);
    }

    /** {@link #compile(Block)}; a region formed again ({@link #exited}) starts from its former blocks, {@code seed}. */
    private JitCode compile(Block b, Block[] seed) {
        long t0 = FormLog.ON ? FormLog.cpu() : 0;
        List<Block> region = region(b, MAX_BLOCKS, MAX_INSNS, heat.hot(b.pc), seed);
        try {
            List<BlockSpec> specs = specs(region);
            TranslationCache.Key key = null;
            TranslationCache.Translated e = null;
            int limit = shorts.limit(b.pc, region);
            int wide = retry.wide(b.pc);
            TranslationCache cache = bound.cache(shared);
            if (cache != null) {
                key = TranslationCache.key(specs, xlen, base, size, sparse,
                        limit == Translator.MAX_CODE_BYTES ? 0 : limit, wide);
                e = cache.get(key);
            }
            if (e == null) {
                e = define(specs, limit, wide);
                if (key != null) {
                    e = cache.putIfAbsent(key, e);
                }
            }
            Block[] members = region.subList(0, e.blocks()).toArray(Block[]::new);
            shorts.formed(b.pc, region, e.blocks(), limit);
            JitCode j = (JitCode) e.ctor().invokeExact(in, members);
            if (DUMP) {
                dump(e.type(), b, members, j);
            }
            if (FormLog.ON) {
                FormLog.line(b, j, members, e.type(), FormLog.cpu() - t0);
            }
            regions++;
            regionBlocks += members.length;
            long page0 = (members[0].pc - base) >>> PhysicalMemory.PAGE_BITS;
            for (Block m : members) {
                if ((m.pc - base) >>> PhysicalMemory.PAGE_BITS != page0) {
                    multiPage++;
                    break;
                }
            }
            for (Block m : members) {
                if (m == b || m.jit == null) {
                    m.jit = j;
                }
                if (m.regions == null) {
                    m.regions = new ArrayList<>(2);
                }
                m.regions.add(j);
            }
            return j;
        } catch (Throwable t) {
            failures++;
            lastFailure = t.toString();
            b.jitFailed = true;
            return null;
        }
    }

    /**
     * Translates and defines the region (cut while its method is larger than {@code limit}, or the probes' limit, for
     * C2: {@link RegionCut}).
     */
    private TranslationCache.Translated define(List<BlockSpec> specs, int limit, int wide)
            throws ReflectiveOperationException {
        // (with probes, room left for C2 to inline the callbacks: Translator.CALL_INLINE_BYTES)
        int bind = bound.mode;
        boolean copies = RegionCut.loopCopies(limit);
        Translator.Result all = Translator.translate(specs, xlen, base, size, sparse, bind, wide, copies);
        FormLog.translated();
        RegionCut.Cut cut = RegionCut.cut(specs, all, p -> {
            FormLog.translated();
            return Translator.translate(p, xlen, base, size, sparse, bind, wide, copies);
        }, RegionCut.PREFIX, limit);
        if (DUMP && cut.count() == specs.size()) {
            System.err.println("SIZE " + Long.toHexString(specs.get(0).pc()) + " blocks " + specs.size() + " code "
                    + all.codeSize() + " limit " + Translator.codeLimit(specs, limit));
        }
        if (DUMP && cut.count() < specs.size()) {
            System.err.println("CUT " + Long.toHexString(specs.get(0).pc()) + " blocks " + specs.size() + " -> "
                    + cut.count() + " code " + all.codeSize() + " -> " + cut.result().codeSize() + " :"
                    + specs.stream().map(x -> " " + Long.toHexString(x.pc()) + "/" + x.length())
                            .reduce("", String::concat));
        }
        long d0 = FormLog.ON ? FormLog.cpu() : 0;
        Class<?> c = bound.define(lookup, cut.result().bytes());
        FormLog.defined(d0, cut.result().codeSize());
        MethodHandle ctor = lookup.findConstructor(c, CTOR).asType(CTOR.changeReturnType(JitCode.class));
        return new TranslationCache.Translated(c, ctor, cut.count());
    }

    /**
     * Blocks already decoded reachable from b by fall-through, branches, JAL and returns from calls, b first, on any
     * page, that belong to no other region (every block is entered in at most one region, {@link Block#jit}), except
     * copies of leaf functions ({@link #leaf}) and of up to {@link #MAX_COPIED} instructions of other regions without
     * plugin probes (the region they are entered in stays their entry). A region dies when any of its
     * pages is invalidated ({@link CodeCache#invalidatePage}, through {@link Block#regions}). Letting any block be in
     * several regions (a callee hot before its callers in theirs too) made regions 7x larger and, measured, 2-4x
     * slower (C1 bails out of large methods; C2 takes long on them); leaf copies only add a few small blocks.
     * Formed by {@link RegionForm}: {@code hot}, the head's hot exits ({@link ExitHeat}); {@code seed}, the blocks of
     * the region formed again (null for a first formation).
     */
    private List<Block> region(Block head, int maxBlocks, int maxInsns, Set<Long> hot, Block[] seed) {
        Set<Long> drop = new HashSet<>();
        for (int round = 0; ; round++) {
            RegionForm f = new RegionForm(code, maxBlocks, maxInsns, drop, hot);
            List<Block> out = seed == null ? f.collect(head)
                    : f.grow(head, seed, shorts.warm(head.pc), shorts.rest(head.pc));
            if (!COPY_LOOPS && round < 4
                    && RegionLoops.copiedLoops(out, x -> copied(x) && !f.fromHot.contains(x.pc), drop)) {
                continue;
            }
            return out;
        }
    }

    /** Whether a region would take b as a copy (b is entered in another region and is no leaf function). */
    static boolean copied(Block b) {
        return b.jit != null && !(LEAVES && b.leaf());
    }

    /** Prints every region translated to standard error ({@code -Drewind.jit.dump=true}, diagnostics). */
    static final boolean DUMP = Boolean.getBoolean("rewind.jit.dump");

    /** One line: class, head, each block as pc/instructions ("c": a copy of a block entered in another region). */
    private static void dump(Class<?> c, Block head, Block[] members, JitCode j) {
        StringBuilder sb = new StringBuilder("REGION " + c.getName() + " head " + Long.toHexString(head.pc) + ":");
        int insns = 0;
        for (Block m : members) {
            insns += m.n;
            sb.append(' ').append(Long.toHexString(m.pc)).append('/').append(m.n);
            sb.append(m.jit != null && m.jit != j ? "c" : "");
        }
        System.err.println(sb + " insns " + insns);
    }
    static final boolean LEAVES = !"false".equals(System.getProperty("rewind.jit.leaves"));
    /**
     * Instructions of blocks translated in other regions (not leaves) a region may copy, nearest first: a loop whose
     * blocks got hot in a few small regions (a state machine's states) stays in one method instead of leaving to the
     * slice loop at every transition ({@code -Drewind.jit.maxCopied}, experiments; 0 = never).
     */
    static final int MAX_COPIED = Integer.getInteger("rewind.jit.maxCopied", 16);
    /** Copies may form loops of their own ({@link RegionLoops}; {@code -Drewind.jit.copyLoops=true}, experiments). */
    static final boolean COPY_LOOPS = Boolean.getBoolean("rewind.jit.copyLoops");

    static long[] successors(Block b) {
        if (b.exits) {
            return new long[0];
        }
        int last = b.code[b.n - 1] & 0xFF;
        return switch (last) {
            // (a call's return site is endPc: link is the value written to rd, sign-extended on RV32, not an address)
            case Op.JAL -> calls(b) ? new long[] {b.imm[b.n - 1], b.endPc} : new long[] {b.imm[b.n - 1]};
            case Op.JALR -> calls(b) ? IndirectCallees.successors(b) : new long[0];
            case Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU -> new long[] {b.imm[b.n - 1], b.endPc};
            default -> new long[] {b.endPc};
        };
    }

    /** Whether b ends in a call (a jump that links): its return site is a likely successor (reached by a return). */
    private static boolean calls(Block b) {
        int rd = (b.code[b.n - 1] >>> 8) & 63;
        return rd != 32 && rd != 0;
    }

    private static List<BlockSpec> specs(List<Block> region) {
        List<BlockSpec> s = new ArrayList<>(region.size());
        for (Block b : region) {
            s.add(new BlockSpec(b.pc, b.code, b.imm, b.offs, b.endPc, b.link, b.exits, b.probes));
        }
        return s;
    }
}
