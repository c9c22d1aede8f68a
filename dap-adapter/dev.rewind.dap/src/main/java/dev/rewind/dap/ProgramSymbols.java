package dev.rewind.dap;

import dev.rewind.emulator.elf.ElfFormatException;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.emulator.elf.ElfSymbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ELF symbol table of the program under debug: names for addresses (frames, disassembly) and addresses
 * for names (function breakpoints, data breakpoints, REPL). Empty when the program cannot be read.
 */
public final class ProgramSymbols {

    private final ElfImage image;

    private ProgramSymbols(ElfImage image) {
        this.image = image;
    }

    public static ProgramSymbols none() {
        return new ProgramSymbols(null);
    }

    /** Reads the symbols of {@code program}; a file that cannot be read gives {@link #none()}, with a note. */
    public static ProgramSymbols load(Path program) {
        try {
            return new ProgramSymbols(ElfLoader.parse(Files.readAllBytes(program)));
        } catch (IOException | ElfFormatException | RuntimeException e) {
            System.err.println("rewind dap: no symbols from " + program + ": " + e.getMessage());
            return none();
        }
    }

    /** {@code name} or {@code name+0x12} for the function or object containing {@code address}. */
    public Optional<String> describe(long address) {
        return at(address).map(s -> s.value() == address ? s.name()
                : s.name() + "+0x" + Long.toHexString(address - s.value()));
    }

    /**
     * The function or object symbol containing {@code address}; else the nearest label (a function or untyped
     * symbol such as an assembly entry point) at most 4 KiB below it.
     */
    public Optional<ElfSymbol> at(long address) {
        if (image == null) {
            return Optional.empty();
        }
        Optional<ElfSymbol> containing = image.symbolAt(address);
        if (containing.isPresent()) {
            return containing;
        }
        ElfSymbol best = null;
        for (ElfSymbol s : image.symbols()) {
            boolean label = s.isFunction() || s.type() == ElfSymbol.STT_NOTYPE;
            long d = address - s.value();
            if (label && d >= 0 && d < 4096 && !s.name().startsWith("$") && !s.name().startsWith(".L")
                    && (best == null || s.value() > best.value())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A defined symbol by name. */
    public Optional<ElfSymbol> named(String name) {
        return image == null ? Optional.empty() : image.symbol(name);
    }

    /** A function symbol by name. */
    public Optional<ElfSymbol> function(String name) {
        return named(name).filter(ElfSymbol::isFunction);
    }
}
