package dev.rewind.emulator.cpu;

import dev.rewind.emulator.jit.BlockSpec;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM-wide cache of translated region classes: a second machine that translates the same region (same
 * blocks, same xlen, same RAM window) reuses the hidden class the first one defined, skipping ASM and
 * {@code defineHiddenClass}, and above all HotSpot's interpreter/C1/C2 warm-up of that class, which is what
 * makes a new machine (a restarted debug session, a second time machine) slow for its first few hundred ms.
 *
 * <p><b>Why this static state is allowed.</b> The "no static mutable state" rule protects execution: nothing
 * one machine does may change what another computes. This cache cannot do that. Its key holds every input
 * of {@link dev.rewind.emulator.jit.Translator#translate} (the region's {@link BlockSpec}s in order, xlen, RAM
 * base and size; the translator reads nothing else and is deterministic), so a hit returns a class whose
 * bytes are exactly those a miss would have defined. The class is immutable code: no static fields, all
 * machine state (interpreter, bus, page tables, blocks) lives in the per-machine instance made from it.
 * Which machine defined it, and when, is invisible to every guest; only host time changes. Set
 * {@code -Drewind.jit.shared=false} to give every machine its own classes again (A/B measurements).
 *
 * <p><b>Bounds.</b> At most {@code -Drewind.jit.shared.max} regions (default {@value #DEFAULT_CAPACITY}),
 * least recently used out first. Entries hold the class (through its constructor handle), never an instance,
 * so a dead machine's instances are collected at once and its classes stay only while they are among the
 * most recently used regions; an evicted class unloads once no machine uses it. Thread-safe (one lock;
 * touched only when a machine translates a region, not while code runs).
 */
final class TranslationCache {

    static final int DEFAULT_CAPACITY = 4096;

    private static final TranslationCache JVM = !"false".equalsIgnoreCase(
            System.getProperty("rewind.jit.shared", "true"))
                    ? new TranslationCache(Integer.getInteger("rewind.jit.shared.max", DEFAULT_CAPACITY))
                    : null;

    /** The JVM-wide cache, or null when {@code -Drewind.jit.shared=false}. */
    static TranslationCache jvmWide() {
        return JVM;
    }

    /**
     * A translated region: its hidden class, the class's constructor {@code (Interpreter, Block[])JitCode} and
     * how many blocks of the requested region it covers (a prefix: regions too large for C2 are cut).
     */
    record Translated(Class<?> type, MethodHandle ctor, int blocks) {
    }

    /** Every input of the translation, flattened; compared element by element. */
    static final class Key {
        private final long[] words;
        private final int hash;

        private Key(long[] words) {
            this.words = words;
            this.hash = Arrays.hashCode(words);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.words, words);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The key of {@code Translator.translate(blocks, xlen, ramBase, ramSize)}. */
    static Key key(List<BlockSpec> blocks, int xlen, long ramBase, long ramSize) {
        return key(blocks, xlen, ramBase, ramSize, false);
    }

    /** The key of {@code Translator.translate(blocks, xlen, ramBase, ramSize, sparse)}. */
    static Key key(List<BlockSpec> blocks, int xlen, long ramBase, long ramSize, boolean sparse) {
        return key(blocks, xlen, ramBase, ramSize, sparse, 0);
    }

    /**
     * The key of a region translated with {@code sparse} and cut to the size limit {@code limit} (0: the default,
     * {@code Translator.MAX_CODE_BYTES}; a region of short blocks may have {@link RegionCut#SHORT_CODE} and keep more).
     */
    static Key key(List<BlockSpec> blocks, int xlen, long ramBase, long ramSize, boolean sparse, int limit) {
        return key(blocks, xlen, ramBase, ramSize, sparse, limit, 0);
    }

    /** {@link #key(List, int, long, long, boolean, int)} of a translation whose registers {@code wide} stay long. */
    static Key key(List<BlockSpec> blocks, int xlen, long ramBase, long ramSize, boolean sparse, int limit, int wide) {
        int n = 5;
        long[][] shapes = new long[blocks.size()][];
        for (int k = 0; k < blocks.size(); k++) {
            BlockSpec b = blocks.get(k);
            shapes[k] = b.probes() == null ? new long[0] : b.probes().shape();
            n += 5 + shapes[k].length + b.imm().length + (b.code().length + b.offs().length + 1) / 2;
        }
        long[] w = new long[n];
        int p = 0;
        w[p++] = xlen | (sparse ? 1L << 32 : 0) | (long) limit << 33;
        w[p++] = ramBase;
        w[p++] = ramSize;
        w[p++] = blocks.size();
        w[p++] = wide;
        for (int k = 0; k < blocks.size(); k++) {
            BlockSpec b = blocks.get(k);
            w[p++] = shapes[k].length;
            System.arraycopy(shapes[k], 0, w, p, shapes[k].length);
            p += shapes[k].length;
            w[p++] = b.pc();
            w[p++] = b.endPc();
            w[p++] = b.link();
            w[p++] = (b.exits() ? 1L : 0L) | (long) b.code().length << 1 | (long) b.imm().length << 22
                    | (long) b.offs().length << 43;
            System.arraycopy(b.imm(), 0, w, p, b.imm().length);
            p += b.imm().length;
            int[] c = b.code();
            int[] o = b.offs();
            int ints = c.length + o.length;
            for (int i = 0; i < ints; i += 2) {
                long lo = i < c.length ? c[i] : o[i - c.length];
                long hi = i + 1 >= ints ? 0 : i + 1 < c.length ? c[i + 1] : o[i + 1 - c.length];
                w[p++] = (lo & 0xFFFFFFFFL) | hi << 32;
            }
        }
        return new Key(w);
    }

    private final int capacity;
    private final LinkedHashMap<Key, Translated> map;
    private long hits;
    private long misses;
    private long evictions;

    TranslationCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("translation cache capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Translated> eldest) {
                if (size() > TranslationCache.this.capacity) {
                    evictions++;
                    return true;
                }
                return false;
            }
        };
    }

    /** The cached translation of {@code key} (now the most recently used), or null. */
    synchronized Translated get(Key key) {
        Translated e = map.get(key);
        if (e == null) {
            misses++;
        } else {
            hits++;
        }
        return e;
    }

    /**
     * Stores {@code e} unless another thread stored one for the same key meanwhile; returns the entry to use
     * (the first one stored), so machines that raced on a miss still end up sharing a class.
     */
    synchronized Translated putIfAbsent(Key key, Translated e) {
        Translated old = map.putIfAbsent(key, e);
        return old == null ? e : old;
    }

    /** The cached translations, least recently used first (for checks; does not count as use). */
    synchronized List<Translated> entries() {
        return List.copyOf(map.values());
    }

    synchronized int size() {
        return map.size();
    }

    int capacity() {
        return capacity;
    }

    /** Lookups that found a class, lookups that did not, entries dropped as least recently used. */
    synchronized long[] counts() {
        return new long[] {hits, misses, evictions};
    }

    /** Forgets every entry (the next machine translates afresh); counters stay. */
    synchronized void clear() {
        map.clear();
    }
}
