package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One loaded Symbols shared by several threads answers as it does to one. */
@Timeout(60)
class ConcurrencyTest {

    @Test
    void lookupsFromManyThreadsAgreeWithSequentialOnes() throws Exception {
        Symbols s = Symbols.load(Tools.GUEST.resolve("elf/symbols-O2-rv64.elf"));
        var text = s.elf().sectionHeader(".text").orElseThrow();
        List<Long> addrs = new ArrayList<>();
        for (long a = text.addr(); a < text.addr() + text.size(); a += 2) {
            addrs.add(a);
        }
        List<String> expected = answers(s, addrs);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> answers(s, addrs)));
            }
            for (Future<List<String>> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> answers(Symbols s, List<Long> addrs) {
        List<String> out = new ArrayList<>();
        for (long a : addrs) {
            out.add(s.lineAt(a) + " " + s.symbolAt(a) + " " + s.unwindRowAt(a).map(r -> r.cfa() + " "
                    + r.registers()) + " " + s.addressesOf("main.c", (int) (a % 40)));
        }
        return out;
    }
}
