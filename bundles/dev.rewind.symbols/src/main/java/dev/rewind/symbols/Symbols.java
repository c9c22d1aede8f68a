package dev.rewind.symbols;

import dev.rewind.symbols.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The symbols of one RISC-V ELF program: ELF symbols, line tables and call frame information. Immutable and
 * thread-safe once loaded. A malformed ELF header is an {@link dev.rewind.symbols.elf.ElfException}; malformed
 * DWARF units are skipped and reported in {@link #problems()}.
 */
public final class Symbols {

    private final String name;
    private final ElfFile elf;
    private final List<String> problems;

    private Symbols(String name, ElfFile elf, List<String> problems) {
        this.name = name;
        this.elf = elf;
        this.problems = List.copyOf(problems);
    }

    /** Loads the ELF file at {@code path}. */
    public static Symbols load(Path path) throws IOException {
        return load(Files.readAllBytes(path), path.toString());
    }

    /** Loads an ELF image; {@code name} is used in messages. The array must not be modified afterwards. */
    public static Symbols load(byte[] bytes, String name) {
        ElfFile elf = ElfFile.parse(bytes);
        return new Symbols(name, elf, List.of());
    }

    /** The name given at load (the path for {@link #load(Path)}). */
    public String name() {
        return name;
    }

    public ElfFile elf() {
        return elf;
    }

    public int xlen() {
        return elf.xlen();
    }

    /** Problems found while reading debug information (one line each, naming section and offset). */
    public List<String> problems() {
        return problems;
    }
}
