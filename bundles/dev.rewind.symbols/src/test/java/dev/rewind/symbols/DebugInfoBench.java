package dev.rewind.symbols;

import dev.rewind.symbols.elf.ElfFile;
import dev.rewind.symbols.info.DebugInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Benchmark (not a test): the .debug_info half of loading symbols on the generated ~1.6 MB ELF of
 * {@link SymbolsBench}: {@link DebugInfo#load} alone, the whole {@link Symbols#load} (which includes it), and
 * functionAt / variablesAt. Run:
 * {@code java -cp target/classes:target/test-classes dev.rewind.symbols.DebugInfoBench [dir]}.
 */
public final class DebugInfoBench {

    private DebugInfoBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("symbols-bench");
        byte[] bytes = Files.readAllBytes(SymbolsBench.build(dir));
        ElfFile elf = ElfFile.parse(bytes);
        System.out.printf("ELF: %d KiB, .debug_info %d KiB%n", bytes.length / 1024,
                elf.section(".debug_info").orElseThrow().remaining() / 1024);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cold = System.nanoTime();
        long coldCpu = mx.getCurrentThreadCpuTime();
        DebugInfo di = DebugInfo.load(elf);
        System.out.printf("DebugInfo.load, first in this JVM: %.1f ms wall, %.1f ms CPU of the loading thread%n",
                (System.nanoTime() - cold) / 1e6, (mx.getCurrentThreadCpuTime() - coldCpu) / 1e6);
        long[] info = new long[30];
        long[] infoCpu = new long[30];
        long[] all = new long[30];
        for (int i = 0; i < 10 + info.length; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            di = DebugInfo.load(elf);
            long t1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            Symbols.load(bytes, "bench");
            long t2 = System.nanoTime();
            if (i >= 10) {
                info[i - 10] = t1 - t0;
                infoCpu[i - 10] = c1 - c0;
                all[i - 10] = t2 - t1;
            }
        }
        Arrays.sort(info);
        Arrays.sort(all);
        Arrays.sort(infoCpu);
        System.out.printf("DebugInfo.load: median %.1f ms, min %.1f ms; %d units, %d functions, %d globals,"
                + " problems %d%n", info[15] / 1e6, info[0] / 1e6, di.units().size(), di.functions().size(),
                di.globals().size(), di.problems().size());
        System.out.printf("DebugInfo.load CPU time of the loading thread: median %.1f ms, min %.1f ms%n",
                infoCpu[15] / 1e6, infoCpu[0] / 1e6);
        System.out.printf("Symbols.load (ELF, lines, CFI and debug info): median %.1f ms, min %.1f ms%n",
                all[15] / 1e6, all[0] / 1e6);
        var text = elf.sectionHeader(".text").orElseThrow();
        Random rnd = new Random(1);
        int n = 1_000_000;
        long[] addrs = new long[n];
        for (int i = 0; i < n; i++) {
            addrs[i] = text.addr() + (rnd.nextLong(text.size()) & ~1L);
        }
        for (int round = 0; round < 3; round++) {
            long hits = 0;
            long t0 = System.nanoTime();
            for (long a : addrs) {
                hits += di.functionAt(a).isPresent() ? 1 : 0;
            }
            System.out.printf("functionAt: %.0f ns/op (%d%% hits)%n", (System.nanoTime() - t0) / (double) n,
                    hits * 100 / n);
        }
        int m = 200_000;
        for (int round = 0; round < 3; round++) {
            long vars = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < m; i++) {
                vars += di.variablesAt(addrs[i]).size();
            }
            System.out.printf("variablesAt: %.0f ns/op (%.1f variables on average)%n",
                    (System.nanoTime() - t0) / (double) m, vars / (double) m);
        }
    }
}
