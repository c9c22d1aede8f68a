package dev.rewind.symbols;

import dev.rewind.symbols.dwarf.CallFrameInfo;
import dev.rewind.symbols.dwarf.CfiRow;
import dev.rewind.symbols.dwarf.LineUnit;
import dev.rewind.symbols.elf.ElfSection;
import dev.rewind.symbols.elf.ElfFile;
import dev.rewind.symbols.elf.ElfSymbol;
import dev.rewind.symbols.info.DebugInfo;
import dev.rewind.symbols.info.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * The symbols of one RISC-V ELF program: ELF symbols, line tables and call frame information. Immutable and
 * thread-safe once loaded. A malformed ELF header is an {@link dev.rewind.symbols.elf.ElfException}; malformed
 * DWARF units are skipped and reported in {@link #problems()}, the rest stays usable.
 */
public final class Symbols {

    private final String name;
    private final ElfFile elf;
    private final SymbolTable table;
    private final LineIndex lines;
    private final CallFrameInfo cfi;
    private final DebugInfo debugInfo;
    private final List<String> problems;

    private Symbols(String name, ElfFile elf) {
        this.name = name;
        this.elf = elf;
        List<String> found = new ArrayList<>();
        this.table = new SymbolTable(elf);
        this.lines = new LineIndex(LineLoader.load(elf, found), elf.sections().isEmpty() ? a -> true : elf::isText);
        this.cfi = new CallFrameInfo(elf.section(".debug_frame").orElse(null), elf.section(".eh_frame").orElse(null),
                elf.sectionHeader(".eh_frame").map(ElfSection::addr).orElse(0L), elf.xlen() / 8);
        found.addAll(cfi.problems());
        this.debugInfo = DebugInfo.load(elf);
        for (Problem p : debugInfo.problems()) {
            found.add(p.toString());
        }
        this.problems = List.copyOf(found);
    }

    /** Loads the ELF file at {@code path}. */
    public static Symbols load(Path path) throws IOException {
        return load(Files.readAllBytes(path), path.toString());
    }

    /** Loads an ELF image; {@code name} is used in messages. The array must not be modified afterwards. */
    public static Symbols load(byte[] bytes, String name) {
        return new Symbols(name, ElfFile.parse(bytes));
    }

    /** The name given at load (the path for {@link #load(Path)}). */
    public String name() {
        return name;
    }

    /**
     * The program's .debug_info: functions, scopes, variables, types (see {@link DebugInfo}); units that could not
     * be read are in {@link #problems()} and {@link DebugInfo#problems()}.
     */
    public DebugInfo debugInfo() {
        return debugInfo;
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

    /** Whether the program has line information (if not, debugging works at instruction level only). */
    public boolean hasLines() {
        return !lines.units().isEmpty();
    }

    // ---- ELF symbols

    /** The function, object or code label containing {@code address} (binary search). */
    public Optional<ElfSymbol> symbolAt(long address) {
        return table.at(address);
    }

    /** The symbol called {@code name} (a global one if there are several). */
    public Optional<ElfSymbol> symbol(String name) {
        return table.named(name);
    }

    /** The symbols {@link #symbolAt} chooses from, by address. */
    public List<ElfSymbol> symbols() {
        return table.all();
    }

    // ---- lines

    /** The source line of {@code pc}, with the address range of its block of rows. */
    public Optional<SourceLine> lineAt(long pc) {
        return lines.lineAt(pc);
    }

    /**
     * Where a breakpoint on {@code file}:{@code line} goes: the first line at or after {@code line} with code in that
     * file. {@code file} matches a DWARF path fully, as a path suffix, or by base name (in that order).
     */
    public Optional<LineAddresses> addressesOf(String file, int line) {
        return addressesOf(file, line, table::startAt);
    }

    /**
     * As {@link #addressesOf(String, int)}, keeping the lowest address per scope: {@code scopeOf} maps an address
     * to its scope (gdb uses the innermost lexical block or inlined call from .debug_info; the one-argument form
     * uses the ELF function, which merges a line's inlined copies within one function).
     */
    public Optional<LineAddresses> addressesOf(String file, int line, LongUnaryOperator scopeOf) {
        return lines.addressesOf(file, line).map(la -> firstPerScope(la, scopeOf));
    }

    /**
     * Where a breakpoint on a function goes. With {@code skipPrologue}, after its prologue: the next statement row
     * after the entry, when it is still in the function and several lines do not already start at the entry; else
     * the entry. gdb skips prologues only in units without location lists (unoptimised code): in optimised code
     * the variables' locations are right at the entry already. The caller knows that from .debug_info.
     */
    public Optional<Long> breakpointAddress(String function, boolean skipPrologue) {
        return symbol(function).filter(s -> s.type() == ElfSymbol.Type.FUNC)
                .map(s -> skipPrologue ? prologueEnd(s) : s.value());
    }

    /** The address after the prologue of the function {@code fn} (see {@link #breakpointAddress}). */
    public long prologueEnd(ElfSymbol fn) {
        return lines.prologueEnd(fn.value(), fn.value() + Math.max(fn.size(), 1));
    }

    /** One address per scope (the lowest start of the line in it), as debuggers place line breakpoints. */
    private static LineAddresses firstPerScope(LineAddresses la, LongUnaryOperator scopeOf) {
        if (la.addresses().size() == 1) {
            return la;
        }
        List<Long> out = new ArrayList<>();
        Set<Long> scopes = new HashSet<>();
        for (long a : la.addresses()) {
            if (scopes.add(scopeOf.applyAsLong(a))) {
                out.add(a);
            }
        }
        return new LineAddresses(la.file(), la.line(), out);
    }

    /** Every source path named by the line tables (as DWARF composes them), sorted. */
    public List<String> sourceFiles() {
        return lines.files();
    }

    /** The line units of .debug_line in section order (a CU's DW_AT_stmt_list is a unit's offset). */
    public List<LineUnit> lineUnits() {
        return lines.units();
    }

    /** The line unit at {@code stmtList} (a CU's DW_AT_stmt_list), if it was read. */
    public Optional<LineUnit> lineUnit(long stmtList) {
        for (LineUnit u : lines.units()) {
            if (u.offset() == stmtList) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    // ---- call frames

    /** The call frame information of .debug_frame and .eh_frame. */
    public CallFrameInfo callFrameInfo() {
        return cfi;
    }

    /** The unwind rules (CFA and saved registers) in effect at {@code pc}, if an FDE covers it. */
    public Optional<CfiRow> unwindRowAt(long pc) {
        return cfi.rowAt(pc);
    }

    /** The frames of a stopped hart, innermost first (at most 256). */
    public Backtrace backtrace(TargetAccess target) {
        return backtrace(target, Unwinder.MAX_FRAMES);
    }

    /** The frames of a stopped hart, innermost first, at most {@code maxFrames}. */
    public Backtrace backtrace(TargetAccess target, int maxFrames) {
        return new Unwinder(cfi, elf.sections().isEmpty() ? a -> true : elf::isText).unwind(target, maxFrames);
    }

    /**
     * An existing file for the DWARF path {@code dwarfPath}: the path itself if absolute and present, else the
     * path, then its shorter and shorter suffixes, under each of {@code sourceDirs} in turn.
     */
    public static Optional<Path> resolveSource(String dwarfPath, List<Path> sourceDirs) {
        return SourceResolver.resolve(dwarfPath, sourceDirs);
    }
}
