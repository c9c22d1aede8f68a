package dev.rewind.symbols.info;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program's .debug_info: compile units, functions with their scopes and variables, globals and named types.
 * Units that cannot be read are listed in {@link #problems()}; the rest is usable. Immutable and thread-safe.
 */
public final class DebugInfo {
    private final List<CompileUnit> units;
    private final List<Function> functions;
    private final List<Variable> globals;
    private final Map<String, List<Variable>> globalsByName;
    private final Map<String, Type> types;
    private final Map<String, EnumType> enumerators;
    private final List<Problem> problems;
    private final FunctionIndex index;

    private DebugInfo(ModelBuilder b) {
        this.units = List.copyOf(b.units);
        this.functions = List.copyOf(b.functions);
        this.globals = List.copyOf(b.globals);
        Map<String, List<Variable>> byName = new HashMap<>();
        for (Variable v : globals) {
            if (v.name() != null) {
                byName.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(v);
            }
        }
        byName.replaceAll((k, v) -> List.copyOf(v));
        this.globalsByName = Map.copyOf(byName);
        this.types = Map.copyOf(b.types);
        this.enumerators = Map.copyOf(b.enumerators);
        this.problems = List.copyOf(b.problems);
        this.index = new FunctionIndex(functions);
    }

    /**
     * Reads the debug information from the named ELF sections ({@code .debug_info}, {@code .debug_abbrev},
     * {@code .debug_str}, ...); a section the lookup does not have reads as empty. Never throws for bad data.
     */
    public static DebugInfo load(java.util.function.Function<String, Optional<ByteBuffer>> sections) {
        return new DebugInfo(Loader.load(Sections.of(sections)));
    }

    /** Reads the debug information of {@code elf}. Never throws for bad DWARF data. */
    public static DebugInfo load(dev.rewind.symbols.elf.ElfFile elf) {
        return load(elf::section);
    }

    public List<CompileUnit> units() {
        return units;
    }

    /** What could not be read, per unit. Empty for good input. */
    public List<Problem> problems() {
        return problems;
    }

    public List<Function> functions() {
        return functions;
    }

    /** The function whose code contains {@code pc} (binary search). */
    public Optional<Function> functionAt(long pc) {
        return Optional.ofNullable(index.at(pc));
    }

    public Optional<CompileUnit> unitAt(long pc) {
        Function f = index.at(pc);
        if (f != null) {
            return Optional.of(f.unit());
        }
        return units.stream().filter(u -> u.contains(pc)).findFirst();
    }

    /** The scopes containing {@code pc}, innermost first, ending with the function's body; empty outside code. */
    public List<Scope> scopesAt(long pc) {
        Function f = index.at(pc);
        if (f == null) {
            return List.of();
        }
        List<Scope> chain = new ArrayList<>();
        Scope s = f.body();
        for (int depth = 0; s != null && depth < 1024; depth++) {
            chain.add(0, s);
            s = s.childAt(pc);
        }
        return List.copyOf(chain);
    }

    /**
     * The frames at {@code pc}, innermost first: each inlined call containing pc (innermost first), then the
     * function's body. A debugger shows each as a stack frame.
     */
    public List<Scope> inlineChainAt(long pc) {
        return scopesAt(pc).stream().filter(Scope::isFrame).toList();
    }

    /**
     * The variables visible at {@code pc} in its innermost frame (an inlined call's own, or the function's),
     * innermost scope first; within a scope in declaration order. A name found twice: the first one wins.
     */
    public List<Variable> variablesAt(long pc) {
        List<Variable> out = new ArrayList<>();
        for (Scope s : scopesAt(pc)) {
            out.addAll(s.variables());
            if (s.isFrame()) {
                break;
            }
        }
        return List.copyOf(out);
    }

    public List<Variable> globals() {
        return globals;
    }

    /** All globals and file statics named {@code name} (statics of several units may share a name). */
    public List<Variable> globals(String name) {
        return globalsByName.getOrDefault(name, List.of());
    }

    /** The global {@code name} as seen from {@code pc}: a static of pc's unit first, then an external one. */
    public Optional<Variable> global(String name, long pc) {
        List<Variable> all = globals(name);
        CompileUnit here = unitAt(pc).orElse(null);
        for (Variable v : all) {
            if (v.unit() == here) {
                return Optional.of(v);
            }
        }
        return all.stream().filter(v -> v.kind() == Variable.Kind.GLOBAL).findFirst()
                .or(() -> all.stream().findFirst());
    }

    /** The global {@code name} (an external definition first). */
    public Optional<Variable> global(String name) {
        return global(name, -1L);
    }

    /** A named type: {@code int}, {@code struct node}, {@code union u}, {@code enum color}, a typedef name. */
    public Optional<Type> type(String name) {
        Type exact = types.get(name);
        return exact != null ? Optional.of(exact)
                : Optional.ofNullable(types.get(TypeNames.baseName(name.trim().replaceAll("\\s+", " "))));
    }

    /** The enumeration type declaring the enumerator {@code name} (at a unit's top level). */
    public Optional<EnumType> enumerationOf(String name) {
        return Optional.ofNullable(enumerators.get(name));
    }

    /** Names of all named types at units' top level ({@code struct node}, {@code coord_t}, {@code int}...). */
    public java.util.Set<String> typeNames() {
        return types.keySet();
    }
}
