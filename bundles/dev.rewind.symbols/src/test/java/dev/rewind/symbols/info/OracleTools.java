package dev.rewind.symbols.info;

import static org.assertj.core.api.Assertions.fail;

import dev.rewind.symbols.elf.ElfFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs binutils and gdb as oracles; a missing tool fails the test naming the Debian package to install. */
final class OracleTools {
    static final Path ELFS = Path.of("../../tests/guest/elf");
    static final String READELF = "riscv64-unknown-elf-readelf";
    static final String GDB = "gdb-multiarch";

    private OracleTools() {
    }

    static List<Path> allElfs() throws IOException {
        try (Stream<Path> s = Files.list(ELFS)) {
            return s.filter(p -> p.toString().endsWith(".elf")).sorted().toList();
        }
    }

    static List<Path> fixtures() throws IOException {
        return allElfs().stream().filter(p -> p.getFileName().toString().startsWith("symbols-")).toList();
    }

    static DebugInfo load(Path elf) throws IOException {
        return DebugInfo.load(ElfFile.parse(Files.readAllBytes(elf)));
    }

    static String readelf(Path elf, String dump) throws Exception {
        return run(List.of(READELF, "--debug-dump=" + dump, elf.toString()), "binutils-riscv64-unknown-elf");
    }

    /** gdb in batch mode on the ELF alone (no target), one {@code -ex} per command. */
    static String gdb(Path elf, List<String> commands) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(GDB, "-nx", "-batch"));
        for (String c : commands) {
            cmd.add("-ex");
            cmd.add(c);
        }
        cmd.add(elf.toString());
        return run(cmd, "gdb-multiarch");
    }

    static String run(List<String> cmd, String debianPackage) throws Exception {
        if (!onPath(cmd.get(0))) {
            fail(cmd.get(0) + " is not on the PATH: install the Debian package " + debianPackage);
        }
        Path out = Files.createTempFile("oracle", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(cmd.get(0) + " did not finish within 120 s");
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
