package dev.rewind.dap;

import dev.rewind.symbols.Symbols;
import dev.rewind.symbols.elf.ElfSymbol;
import java.util.Optional;

/**
 * The ELF symbol table of the program under debug (from {@code dev.rewind.symbols}): names for addresses (frames,
 * disassembly) and addresses for names (function and data breakpoints, the REPL). Empty without a program.
 */
public final class ProgramSymbols {

    private final Symbols symbols;

    public ProgramSymbols(Symbols symbols) {
        this.symbols = symbols;
    }

    public static ProgramSymbols none() {
        return new ProgramSymbols(null);
    }

    /** {@code name} or {@code name+0x12} for the function, object or label containing {@code address}. */
    public Optional<String> describe(long address) {
        return at(address).map(s -> s.value() == address ? s.name()
                : s.name() + "+0x" + Long.toHexString(address - s.value()));
    }

    /** The function, object or code label containing {@code address}. */
    public Optional<ElfSymbol> at(long address) {
        return symbols == null ? Optional.empty() : symbols.symbolAt(address);
    }

    /** A defined symbol by name. */
    public Optional<ElfSymbol> named(String name) {
        return symbols == null ? Optional.empty() : symbols.symbol(name).filter(ElfSymbol::defined);
    }

    /** A function symbol by name. */
    public Optional<ElfSymbol> function(String name) {
        return named(name).filter(ProgramSymbols::isFunction);
    }

    public static boolean isFunction(ElfSymbol s) {
        return s.type() == ElfSymbol.Type.FUNC;
    }

    /** Data: an object, or an untyped label (assembly). */
    public static boolean isData(ElfSymbol s) {
        return s.type() == ElfSymbol.Type.OBJECT || s.type() == ElfSymbol.Type.NOTYPE;
    }
}
