package dev.rewind.bench;

import dev.rewind.emulator.travel.TravelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@link TimeTravelBench}. */
record BenchOptions(Path elf, List<Long> depths, int harts, long ram, int positions, int warmup, int reps,
        TravelConfig travel, long overheadInsns, int overheadReps, Path qemu, boolean single, boolean multi,
        boolean overhead) {

    static final String USAGE = """
            usage: TimeTravelBench [options]
              --elf PATH            ttbench ELF (default tests/guest/elf/ttbench-rv32.elf under --root)
              --root DIR            repository root (default: current directory)
              --depths LIST         depths in instructions, comma separated (default 1e6,1e7,1e8,1e9)
              --harts N             harts of the multi-hart run (default 4)
              --ram SIZE            RAM, e.g. 64M (default 64M)
              --positions N         points over one snapshot interval per depth (default 8)
              --warmup N            untimed reverse steps per point (default 1)
              --reps N              timed reverse steps per point (default 5)
              --interval N          snapshot interval (default: TravelConfig default)
              --budget SIZE         history memory budget (default: TravelConfig default)
              --overhead-insns N    length of the recording-overhead runs (default 1e8)
              --overhead-reps N     runs of each kind (default 5)
              --qemu FILE           QEMU figures to print alongside (written by timetravel.sh)
              --only PARTS          any of multi,single,overhead (default all)
            """;

    static BenchOptions parse(String[] args) {
        Path root = Path.of("");
        Path elf = null;
        List<Long> depths = List.of(1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L);
        int harts = 4;
        long ram = 64L << 20;
        int positions = 8;
        int warmup = 1;
        int reps = 5;
        TravelConfig travel = TravelConfig.defaults();
        long overheadInsns = 100_000_000L;
        int overheadReps = 5;
        Path qemu = null;
        String only = "multi,single,overhead";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--elf" -> elf = Path.of(v);
                case "--root" -> root = Path.of(v);
                case "--depths" -> {
                    List<Long> d = new ArrayList<>();
                    for (String s : v.split(",")) {
                        d.add(number(s));
                    }
                    depths = d.stream().sorted().toList();
                }
                case "--harts" -> harts = (int) number(v);
                case "--ram" -> ram = size(v);
                case "--positions" -> positions = (int) number(v);
                case "--warmup" -> warmup = (int) number(v);
                case "--reps" -> reps = (int) number(v);
                case "--interval" -> travel = travel.withInterval(number(v));
                case "--budget" -> travel = travel.withBudget(size(v));
                case "--overhead-insns" -> overheadInsns = number(v);
                case "--overhead-reps" -> overheadReps = (int) number(v);
                case "--qemu" -> qemu = Path.of(v);
                case "--only" -> only = v;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (elf == null) {
            elf = root.resolve("tests/guest/elf/ttbench-rv32.elf");
        }
        return new BenchOptions(elf, depths, harts, ram, positions, warmup, reps, travel, overheadInsns,
                overheadReps, qemu, only.contains("single"), only.contains("multi"), only.contains("overhead"));
    }

    /** 1000000, 1e6, 1_000_000. */
    static long number(String s) {
        String t = s.trim().replace("_", "");
        try {
            if (t.contains("e") || t.contains("E")) {
                return (long) Double.parseDouble(t);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s);
        }
    }

    /** 64M, 256M, 1G, 4096. */
    static long size(String s) {
        String t = s.trim().toUpperCase();
        int shift = t.endsWith("K") ? 10 : t.endsWith("M") ? 20 : t.endsWith("G") ? 30 : 0;
        return number(shift == 0 ? t : t.substring(0, t.length() - 1)) << shift;
    }
}
