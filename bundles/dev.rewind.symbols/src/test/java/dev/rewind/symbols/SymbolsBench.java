package dev.rewind.symbols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Benchmark (not a test): generates and builds a ~1 MB RISC-V ELF with DWARF (40 C files at -Og -g), then times
 * {@link Symbols#load}, {@link Symbols#lineAt} and {@link Symbols#addressesOf}. Run:
 * {@code java -cp target/classes:target/test-classes dev.rewind.symbols.SymbolsBench [dir]}.
 */
public final class SymbolsBench {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private SymbolsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("symbols-bench");
        Path elf = build(dir);
        byte[] bytes = Files.readAllBytes(elf);
        System.out.printf("ELF: %s, %d KiB%n", elf, bytes.length / 1024);
        long[] loads = new long[30];
        long[] loadsCpu = new long[30];
        Symbols s = null;
        for (int i = 0; i < 10 + loads.length; i++) {
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            s = Symbols.load(bytes, "bench");
            if (i >= 10) {
                loads[i - 10] = System.nanoTime() - t0;
                loadsCpu[i - 10] = CPU.getCurrentThreadCpuTime() - c0;
            }
        }
        Arrays.sort(loadsCpu);
        System.out.printf("load cpu: median %.1f ms%n", loadsCpu[loadsCpu.length / 2] / 1e6);
        long first = time(() -> Symbols.load(bytes, "cold"));
        Arrays.sort(loads);
        System.out.printf("load: median %.1f ms, min %.1f ms (after 10 warm-up loads); %d line units, %d FDEs,"
                + " problems %d%n", loads[loads.length / 2] / 1e6, loads[0] / 1e6, s.lineUnits().size(),
                s.callFrameInfo().fdes().size(), s.problems().size());
        System.out.printf("(one more load after warm-up: %.1f ms)%n", first / 1e6);
        var text = s.elf().sectionHeader(".text").orElseThrow();
        Random rnd = new Random(1);
        int n = 1_000_000;
        long[] addrs = new long[n];
        for (int i = 0; i < n; i++) {
            addrs[i] = text.addr() + (rnd.nextLong(text.size()) & ~1L);
        }
        Symbols fs = s;
        long hits = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            for (long a : addrs) {
                hits += fs.lineAt(a).isPresent() ? 1 : 0;
            }
            System.out.printf("lineAt: %.0f ns/op wall, %.0f ns/op cpu (%d%% hits)%n",
                    (System.nanoTime() - t0) / (double) n, (CPU.getCurrentThreadCpuTime() - c0) / (double) n,
                    hits * 100 / ((round + 1L) * n));
        }
        List<String> files = new ArrayList<>();
        for (String f : s.sourceFiles()) {
            if (f.contains("gen")) {
                files.add(f);
            }
        }
        int m = 200_000;
        for (int round = 0; round < 3; round++) {
            long found = 0;
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < m; i++) {
                String f = files.get(rnd.nextInt(files.size()));
                found += fs.addressesOf(f.substring(f.lastIndexOf('/') + 1), 1 + rnd.nextInt(400)).isPresent() ? 1 : 0;
            }
            System.out.printf("addressesOf (by base name): %.0f ns/op wall, %.0f ns/op cpu (%d%% found)%n",
                    (System.nanoTime() - t0) / (double) m, (CPU.getCurrentThreadCpuTime() - c0) / (double) m,
                    found * 100 / m);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < m; i++) {
            fs.symbolAt(addrs[i]);
        }
        System.out.printf("symbolAt: %.0f ns/op%n", (System.nanoTime() - t0) / (double) m);
    }

    private static long time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }

    /** 40 files of 50 functions each, with structs, loops and calls, built at -Og -g for rv64. */
    static Path build(Path dir) throws IOException, InterruptedException {
        Path elf = dir.resolve("bench.elf");
        if (Files.exists(elf)) {
            return elf;
        }
        List<String> cmd = new ArrayList<>(List.of(Tools.tool("riscv64-unknown-elf-gcc",
                "gcc-riscv64-unknown-elf").toString(), "-march=rv64imac", "-mabi=lp64", "-mcmodel=medany", "-Og", "-g",
                "-ffreestanding", "-nostdlib", "-nostartfiles", "-static", "-Wl,-e,gen0_0", "-Wl,-Ttext=0x80000000",
                "-o", elf.toString()));
        for (int f = 0; f < 40; f++) {
            StringBuilder c = new StringBuilder("struct s%d { int a; long b; char name[8]; struct s%d *next; };\n"
                    .formatted(f, f));
            c.append("int gen%d_sink;\n".formatted(f));
            for (int i = 0; i < 50; i++) {
                c.append("""
                        __attribute__((noinline)) int gen%1$d_%2$d(struct s%1$d *p, int n) {
                            int acc = %2$d;
                            for (int i = 0; i < n; i++) {
                                acc += p->a * i + (int) p->b;
                                if (acc & 1) acc ^= p->name[i & 7];
                                p = p->next ? p->next : p;
                            }
                            gen%1$d_sink += acc;
                            return %3$s;
                        }
                        """.formatted(f, i, i > 0 ? "acc + gen%d_%d(p, n - 1)".formatted(f, i - 1) : "acc"));
            }
            Path src = dir.resolve("gen" + f + ".c");
            Files.writeString(src, c.toString());
            cmd.add(src.toString());
        }
        Tools.run(cmd, "");
        return elf;
    }
}
