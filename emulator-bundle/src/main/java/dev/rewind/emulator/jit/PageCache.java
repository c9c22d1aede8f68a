package dev.rewind.emulator.jit;

import static dev.rewind.emulator.jit.Gen.*;
import static org.objectweb.asm.Opcodes.*;

import dev.rewind.emulator.isa.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Page caches of accesses in innermost loops: a local (a long; RV32 an int, {@link CacheCheck#INT32}; per block, kind
 * and base register) holding the RAM offset of the page whose tag check last passed there. The access is fast when it lies inside that page (a subtraction and a
 * test, {@link CacheCheck}) and does the whole tag check ({@link MemEmit#fastCheck}) only otherwise, then caches its
 * page: a loop walking through RAM checks the tags once per page, and keeps neither tag table nor mask in registers. A
 * block's loads (or stores) get caches all or none (one left to the tables keeps them in registers anyway: crc's loop,
 * lbu + table lw, lost 10% with a cache for its lbu alone), and none when one goes through a register fed by loads
 * there ({@link LoadFed#fedBases}: pointer chasing; a table's base plus a loaded byte or a masked index is no chase:
 * work-fsm-rv32 +10%) or two share a base register and access groups apply ({@link MemGroups}); else the block's
 * accesses of a kind through one base register share a cache (a cache is a page whose tag passed for the table,
 * whichever access checked it).
 *
 * <p>Exactness: a cached page passed a check against the same table (loads or stores) since the last reset, and
 * tags change only in Java code the region calls. The caches hold no page (every access misses: see {@link #check})
 * at the region's entry and again after every call that stays in the region: atomics ({@link #reset}); a slow
 * load or store, a CSR/system instruction, a trap, a cut and the budget leave the region; regions with probes
 * (callbacks) get no caches. Off with -Drewind.jit.pageCache=false (A/B measurements); RV64 for accesses of every
 * width ({@link #CACHES64}), for byte accesses only with -Drewind.jit.pageCache64=bytes ({@link #BYTES64}), none
 * with =false.
 */
final class PageCache {
    static final boolean CACHES = !"false".equals(System.getProperty("rewind.jit.pageCache"));
    /**
     * RV64 caches of all widths unless -Drewind.jit.pageCache64=bytes (byte-only blocks, {@link #BYTES64}: the default
     * before bound regions) or =false (none). Bound regions (tag tables and RAM's array constants of the region class:
     * fewer live values in C2's loops) made them pay: session 12, PlainRun, shared=false both, same classes,
     * all widths vs bytes only (medians, load 3.3-7.6): work-matmul-rv64 +24.2%, mem +7.4%, list +3.6%, bench +2.1%,
     * fsm +0.9%, crc 0.0%, CoreMark-25k-rv64 +0.7%, mix -2.6%, calls -2.6% (bench, mix, fsm, crc, calls 5 reversing
     * rounds, the others 3). Before bound regions they lost: on the merged engine wide ones cost
     * work-matmul-rv64 13-17% and work-mem-rv64 0-3% (page-number form); in the offset form ({@link CacheCheck#RANGE64})
     * mem, matmul and bench measured even (session 8); session 11 (=true vs default): mix -8%, fsm -6%, mem -5%,
     * matmul -4%, bench +4%.
     */
    static final boolean CACHES64 = !"bytes".equals(System.getProperty("rewind.jit.pageCache64"))
            && !"false".equals(System.getProperty("rewind.jit.pageCache64"));
    /**
     * RV64 caches for byte accesses (a block's loads or stores all LB/LBU/SB: byte loops, byte tables) unless
     * -Drewind.jit.pageCache64=false: work-fsm-rv64 +9% (with sparse budget checks; session 7). With {@link #CACHES64}
     * (the default) wide accesses are cached too.
     */
    static final boolean BYTES64 = !"false".equals(System.getProperty("rewind.jit.pageCache64"));

    /** Caches per region: each is live across the whole region (register pressure). */
    static final int MAX = 4;

    /** Per block, per instruction: its cache's local slot, or -1. */
    private final int[][] slot;
    private final int[] slots;
    private final boolean rv32;
    /** Whether a cached access is wider than a byte (RV32's int caches: {@link CacheCheck#ints}). */
    boolean wide;
    PageCache(List<BlockSpec> blocks, java.util.Map<Long, Integer> index, boolean rv32, int first,
            java.util.function.Supplier<int[]> cycles) {
        this.rv32 = rv32;
        int nb = blocks.size();
        slot = new int[nb][];
        for (int k = 0; k < nb; k++) {
            slot[k] = new int[blocks.get(k).length()];
            Arrays.fill(slot[k], -1);
        }
        boolean probed = false;
        for (BlockSpec b : blocks) {
            probed |= b.probes() != null;
        }
        if (!CACHES || probed || !rv32 && !CACHES64 && !BYTES64) {
            slots = new int[0];
            return;
        }
        int[] cycle = cycles.get();
        long fed = LoadFed.of(blocks);
        List<int[]> units = new ArrayList<>(); // {cycle, block, 0 loads / 1 stores}
        for (int k = 0; k < nb; k++) {
            if (cycle[k] != Integer.MAX_VALUE) {
                units.add(new int[] {cycle[k], k, 0});
                units.add(new int[] {cycle[k], k, 1});
            }
        }
        units.sort((a, c) -> a[0] != c[0] ? Integer.compare(a[0], c[0]) : a[1] != c[1] ? a[1] - c[1] : a[2] - c[2]);
        int n = 0;
        for (int[] u : units) {
            BlockSpec b = blocks.get(u[1]);
            List<Integer> at = new ArrayList<>();
            long bases = 0;
            boolean shared = false;
            boolean chases = false;
            boolean wide = false;
            boolean[] fedBase = LoadFed.fedBases(b, fed);
            for (int i = 0; i < b.length(); i++) {
                int w = b.code()[i];
                int op = w & 0xFF;
                if (u[2] == 0 ? MemGroups.isLoad(op) : MemGroups.isStore(op)) {
                    int r1 = (w >>> 16) & 63;
                    shared |= (bases & (1L << r1)) != 0 && MemGroups.applies(rv32, r1);
                    chases |= fedBase[i];
                    wide |= op != Op.LB && op != Op.LBU && op != Op.SB;
                    bases |= 1L << r1;
                    at.add(i);
                }
            }
            if (at.isEmpty() || chases || shared || n + Long.bitCount(bases) > MAX
                    || !rv32 && !CACHES64 && wide) {
                continue;
            }
            // one cache per base register: its accesses walk the same pages (any cache of the table would be exact)
            this.wide |= wide;
            int[] of = new int[64];
            Arrays.fill(of, -1);
            for (int i : at) {
                int r1 = (b.code()[i] >>> 16) & 63;
                if (of[r1] < 0) {
                    of[r1] = first + 2 * n++;
                }
                slot[u[1]][i] = of[r1];
            }
        }
        slots = new int[n];
        for (int s = 0; s < n; s++) {
            slots[s] = first + 2 * s;
        }
    }

    /**
     * Per block: the instructions on its shortest cycle through blocks of the region (direct branches, jumps and
     * fall-throughs; an indirect jump's targets are not followed), or MAX_VALUE when it is on none or on a cycle with a
     * block on a shorter one (an outer loop: crc-rv64's per-byte lbu outside its 8-round bit loop cost that loop a
     * register, -9%; list-rv32's stack load in the sorted insertion's outer loop -12%).
     */
    static int[] cycles(List<BlockSpec> blocks, java.util.Map<Long, Integer> index) {
        int nb = blocks.size();
        int[] length = new int[nb];
        for (int k = 0; k < nb; k++) {
            length[k] = blocks.get(k).length();
        }
        int[][][] paths = Loops.paths(Loops.graph(blocks, index, true), length); // shortest by instructions
        int[][] distOf = paths[0];
        int[][] prevOf = paths[1];
        int[] inner = new int[nb];
        for (int k = 0; k < nb; k++) {
            inner[k] = distOf[k][k];
        }
        for (int k = 0; k < nb; k++) {
            if (distOf[k][k] == Integer.MAX_VALUE) {
                continue;
            }
            int steps = 0;
            for (int u = prevOf[k][k]; u != k && steps++ < nb; u = prevOf[k][u]) {
                if (distOf[u][u] < distOf[k][k]) {
                    inner[k] = Integer.MAX_VALUE;
                }
            }
            if (Loops.outer(distOf, k)) { // a block of an outer loop whose shortest cycle bypasses the inner one
                inner[k] = Integer.MAX_VALUE;
            }
        }
        return inner;
    }

    /**
     * RV64: no entry check of a tag table ({@code MemEntry}) whose accesses all have caches, unless
     * -Drewind.jit.coveredTables=false. Same classes, 3-5 alternating rounds, load 4-5.5 (session 7): work-fsm-rv64
     * +5%, mem-rv64 +4%, the other RV64 guests within noise; on RV32 mem -5%, calls -5%, matmul -3%: RV64 only.
     */
    static final boolean COVERED = !"false".equals(System.getProperty("rewind.jit.coveredTables"));

    /**
     * Whether every load ({@code stores} false) or store of an RV64 region goes through a page cache (its tag table is
     * read only on a cache miss); false when the region has none or {@link #COVERED} is off, and always on RV32
     * (hard-coded here, not through {@link #COVERED}).
     */
    boolean covers(List<BlockSpec> blocks, boolean stores) {
        if (rv32) {
            return false;
        }
        boolean any = false;
        for (int k = 0; k < blocks.size(); k++) {
            int[] code = blocks.get(k).code();
            for (int i = 0; i < code.length; i++) {
                int op = code[i] & 0xFF;
                if (stores ? MemGroups.isStore(op) : MemGroups.isLoad(op)) {
                    if (slot[k][i] < 0) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return COVERED && any;
    }

    /** Instruction i of block k's cache slot, or -1. */
    int slot(int k, int i) {
        return slot[k][i];
    }

    /** All caches hold no page: at the region's entry and after every call that stays in the region. */
    void reset(Gen g) {
        for (int s : slots) {
            if (CacheCheck.ints(g)) {
                g.iconst((int) CacheCheck.empty(g));
                g.mv.visitVarInsn(ISTORE, s);
            } else {
                g.lconst(CacheCheck.empty(g));
                g.mv.visitVarInsn(LSTORE, s);
            }
        }
    }

    /** The access of len bytes at {@code x[r1] + imm} through cache slot {@code cache}: see {@link CacheCheck#emit}. */
    void check(Gen g, int r1, long imm, int len, int cache, int tagsSlot, Label slow) {
        pending = CacheCheck.emit(g, r1, imm, len, cache, tagsSlot, slow);
    }

    private Runnable pending;

    /** The last {@link #check}'s miss path, where the access's code jumps over it (before its slow path). */
    void missed() {
        if (pending != null) {
            pending.run();
            pending = null;
        }
    }
}
