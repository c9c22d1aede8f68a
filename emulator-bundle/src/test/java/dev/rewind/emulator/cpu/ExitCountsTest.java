package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ExitCounts} counts exactly what a map of boxed pcs counts (the exit sample's decisions depend on it). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExitCountsTest {

    @Test
    void countsEveryPcAsAMapDoes() {
        Random r = new Random(11);
        for (int round = 0; round < 50; round++) {
            ExitCounts c = new ExitCounts();
            Map<Long, long[]> ref = new HashMap<>();
            int distinct = 1 + r.nextInt(round < 25 ? 8 : 400);
            long[] pcs = new long[distinct];
            for (int k = 0; k < distinct; k++) {
                pcs[k] = k == 0 && round % 5 == 0 ? Long.MIN_VALUE : 0x8000_0000L + 2L * r.nextInt(1 << 20);
            }
            long ran = 0;
            for (int i = 0; i < 5000; i++) {
                long pc = pcs[r.nextInt(distinct)];
                c.add(pc);
                ref.computeIfAbsent(pc, x -> new long[1])[0]++;
                long n = 1 + r.nextInt(100);
                c.ran += n;
                ran += n;
            }
            ref.put(-1L, new long[] {ran});
            Map<Long, long[]> got = c.toMap(-1L);
            assertThat(got.keySet()).isEqualTo(ref.keySet());
            for (Map.Entry<Long, long[]> e : ref.entrySet()) {
                assertThat(got.get(e.getKey())).as("pc %x", e.getKey()).containsExactly(e.getValue());
            }
        }
    }
}
