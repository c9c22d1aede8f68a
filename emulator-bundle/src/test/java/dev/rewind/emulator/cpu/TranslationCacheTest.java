package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.isa.Op;
import dev.rewind.emulator.jit.BlockSpec;
import dev.rewind.emulator.jit.Translator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The key of the JVM-wide translation cache covers every input of the translator (and the translator gives
 * the same bytes for the same inputs, which is what makes a hit safe); the cache is a bounded LRU and hands
 * racing threads one entry.
 */
class TranslationCacheTest {

    static final long RAM = MachineConfig.RAM_BASE;
    static final long SIZE = 1 << 20;

    /** addi a0,a0,imm ; addi a1,a1,1 ; bne a1,a2,pc (a loop of one block). */
    static BlockSpec loop(long pc, long imm) {
        int[] code = {Op.ADDI | 10 << 8 | 10 << 16, Op.ADDI | 11 << 8 | 11 << 16, Op.BNE | 32 << 8 | 11 << 16 | 12 << 24};
        return new BlockSpec(pc, code, new long[] {imm, 1, pc}, new int[] {0, 4, 8, 12}, pc + 12, 0, false, null);
    }

    static BlockSpec tail(long pc) {
        int[] code = {Op.ADDI | 13 << 8 | 10 << 16, Op.JAL | 32 << 8};
        return new BlockSpec(pc, code, new long[] {0, RAM}, new int[] {0, 4, 8}, pc + 8, pc + 8, false, null);
    }

    static TranslationCache.Key key(List<BlockSpec> b, int xlen, long base, long size) {
        return TranslationCache.key(b, xlen, base, size);
    }

    @Test
    void equalInputsGiveEqualKeysAndEqualClassBytes() {
        List<BlockSpec> a = List.of(loop(RAM + 16, 3), tail(RAM + 28));
        List<BlockSpec> b = List.of(loop(RAM + 16, 3), tail(RAM + 28));
        assertThat(key(a, 32, RAM, SIZE)).isEqualTo(key(b, 32, RAM, SIZE));
        assertThat(key(a, 32, RAM, SIZE).hashCode()).isEqualTo(key(b, 32, RAM, SIZE).hashCode());
        for (int xlen : new int[] {32, 64}) {
            assertThat(Translator.translate(a, xlen, RAM, SIZE).bytes())
                    .as("the translator is a function of the key")
                    .isEqualTo(Translator.translate(b, xlen, RAM, SIZE).bytes());
        }
    }

    @Test
    void everyInputOfTheTranslatorIsInTheKey() {
        List<BlockSpec> base = List.of(loop(RAM + 16, 3), tail(RAM + 28));
        TranslationCache.Key k = key(base, 32, RAM, SIZE);
        BlockSpec l = loop(RAM + 16, 3);
        BlockSpec t = tail(RAM + 28);
        int[] otherReg = l.code().clone();
        otherReg[0] = Op.ADDI | 10 << 8 | 11 << 16;
        int[] otherOffs = {0, 2, 6, 10};
        List<List<BlockSpec>> variants = List.of(
                List.of(loop(RAM + 16, 5), t),
                List.of(new BlockSpec(l.pc(), otherReg, l.imm(), l.offs(), l.endPc(), l.link(), l.exits(), null), t),
                List.of(new BlockSpec(l.pc(), l.code(), l.imm(), otherOffs, l.endPc(), l.link(), l.exits(), null), t),
                List.of(new BlockSpec(l.pc(), l.code(), l.imm(), l.offs(), l.endPc() + 4, l.link(), l.exits(), null), t),
                List.of(new BlockSpec(l.pc(), l.code(), l.imm(), l.offs(), l.endPc(), 4, l.exits(), null), t),
                List.of(new BlockSpec(l.pc(), l.code(), l.imm(), l.offs(), l.endPc(), l.link(), true, null), t),
                List.of(loop(RAM + 20, 3), t),
                List.of(t, l),
                List.of(l),
                List.of(l, t, tail(RAM + 36)));
        Set<TranslationCache.Key> keys = new HashSet<>();
        keys.add(k);
        for (List<BlockSpec> v : variants) {
            assertThat(keys.add(key(v, 32, RAM, SIZE))).as("key of %s", v).isTrue();
        }
        assertThat(key(base, 64, RAM, SIZE)).as("xlen").isNotEqualTo(k);
        assertThat(key(base, 32, RAM + 4096, SIZE)).as("RAM base").isNotEqualTo(k);
        assertThat(key(base, 32, RAM, 2 * SIZE)).as("RAM size").isNotEqualTo(k);
    }

    @Test
    void codeAndOffsetsPackedTwoPerWordStayDistinct() {
        // an odd number of ints (3 ops + 4 offsets): the last half word is padding, not data
        BlockSpec l = loop(RAM, 1);
        int[] offs = l.offs().clone();
        offs[3] = 14;
        TranslationCache.Key a = key(List.of(l), 64, RAM, SIZE);
        TranslationCache.Key b = key(List.of(new BlockSpec(l.pc(), l.code(), l.imm(), offs, l.endPc(), l.link(),
                l.exits(), null)), 64, RAM, SIZE);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void leastRecentlyUsedRegionsLeaveFirst() {
        TranslationCache c = new TranslationCache(3);
        List<TranslationCache.Key> k = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            k.add(key(List.of(loop(RAM, i)), 64, RAM, SIZE));
        }
        c.putIfAbsent(k.get(0), entry(0));
        c.putIfAbsent(k.get(1), entry(1));
        c.putIfAbsent(k.get(2), entry(2));
        assertThat(c.get(k.get(0))).isNotNull();
        c.putIfAbsent(k.get(3), entry(3));
        c.putIfAbsent(k.get(4), entry(4));
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.get(k.get(1))).as("least recently used").isNull();
        assertThat(c.get(k.get(2))).isNull();
        assertThat(c.get(k.get(0)).blocks()).isZero();
        assertThat(c.get(k.get(4)).blocks()).isEqualTo(4);
        assertThat(c.counts()).containsExactly(3, 2, 2);
        c.clear();
        assertThat(c.size()).isZero();
        assertThatThrownBy(() -> new TranslationCache(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void racingThreadsEndUpWithOneEntry() throws Exception {
        TranslationCache c = new TranslationCache(100);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<TranslationCache.Translated>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<TranslationCache.Translated> got = new ArrayList<>();
                    for (int r = 0; r < 50; r++) {
                        TranslationCache.Key key = key(List.of(loop(RAM, r)), 64, RAM, SIZE);
                        TranslationCache.Translated e = c.get(key);
                        got.add(e != null ? e : c.putIfAbsent(key, entry(1000 * id + r)));
                    }
                    return got;
                }));
            }
            start.countDown();
            List<TranslationCache.Translated> first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<List<TranslationCache.Translated>> f : results) {
                List<TranslationCache.Translated> got = f.get(30, TimeUnit.SECONDS);
                for (int r = 0; r < 50; r++) {
                    assertThat(got.get(r)).as("region %d", r).isSameAs(first.get(r));
                }
            }
            assertThat(c.size()).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    private static TranslationCache.Translated entry(int blocks) {
        MethodHandle h = MethodHandles.constant(Object.class, null);
        return new TranslationCache.Translated(Object.class, h, blocks);
    }
}
