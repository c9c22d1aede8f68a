package dev.rewind.symbols.info;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds compile units, functions, scopes and variables from the DIE trees of all units. */
final class ModelBuilder {
    final List<CompileUnit> units = new ArrayList<>();
    final List<Function> functions = new ArrayList<>();
    final List<Variable> globals = new ArrayList<>();
    final Map<String, Type> types = new java.util.HashMap<>();
    final Map<String, EnumType> enumerators = new java.util.HashMap<>();
    final List<Problem> problems;
    private final Map<Long, Die> dies;
    private final TypeBuilder typeBuilder;
    private final Locations locations;
    private Unit unit;
    private List<CallSite> callSites = new ArrayList<>();
    private CompileUnit cu;

    ModelBuilder(Map<Long, Die> dies, List<Problem> problems) {
        this.dies = dies;
        this.problems = problems;
        this.typeBuilder = new TypeBuilder(dies);
        this.locations = new Locations(this::problem);
    }

    void unit(Unit u) {
        this.unit = u;
        Die root = u.root;
        this.cu = new CompileUnit(u.offset, u.version, root.name(), root.string(Dw.AT_COMP_DIR),
                root.string(Dw.AT_PRODUCER), (int) root.number(Dw.AT_LANGUAGE, 0), locations.ranges(root),
                root.has(Dw.AT_STMT_LIST) ? root.number(Dw.AT_STMT_LIST, -1) : -1);
        units.add(cu);
        for (Die d : root.children) {
            topLevel(d);
        }
    }

    private void topLevel(Die d) {
        try {
            switch (d.tag()) {
                case Dw.TAG_SUBPROGRAM -> function(d);
                case Dw.TAG_VARIABLE -> {
                    if (d.has(Dw.AT_LOCATION) || d.has(Dw.AT_CONST_VALUE)) {
                        boolean ext = Origin.with(dies, d, Dw.AT_EXTERNAL) != null;
                        globals.add(variable(d, ext ? Variable.Kind.GLOBAL : Variable.Kind.FILE_STATIC));
                    }
                }
                case Dw.TAG_STRUCTURE_TYPE, Dw.TAG_UNION_TYPE, Dw.TAG_CLASS_TYPE, Dw.TAG_ENUMERATION_TYPE,
                        Dw.TAG_TYPEDEF, Dw.TAG_BASE_TYPE -> namedType(d);
                default -> {
                }
            }
        } catch (RuntimeException e) {
            problem("DIE 0x" + Long.toHexString(d.offset) + ": " + e.getMessage());
        }
    }

    private void namedType(Die d) {
        if (d.tag() == Dw.TAG_ENUMERATION_TYPE && typeBuilder.type(d.offset) instanceof EnumType e) {
            for (EnumType.Enumerator en : e.enumerators()) {
                enumerators.putIfAbsent(en.name(), e);
            }
        }
        String name = d.name();
        if (name == null) {
            return;
        }
        Type t = typeBuilder.type(d.offset);
        String key = TypeNames.simpleName(t);
        Type old = types.get(key);
        if (old == null || old instanceof StructType s && s.isDeclaration()) {
            types.put(key, t);
        }
    }

    private void function(Die d) {
        if (!d.has(Dw.AT_LOW_PC) && !d.has(Dw.AT_RANGES)) {
            return; // a declaration or an abstract instance of an inline function: no code of its own
        }
        String name = Origin.name(dies, d);
        Die typed = Origin.with(dies, d, Dw.AT_TYPE);
        Die link = Origin.with(dies, d, Dw.AT_LINKAGE_NAME);
        callSites = new ArrayList<>();
        Scope body = scope(d, Scope.Kind.FUNCTION, name, 0);
        functions.add(new Function(name, link == null ? null : link.string(Dw.AT_LINKAGE_NAME), body.ranges(),
                locations.location(d, Dw.AT_FRAME_BASE), typed == null ? VoidType.VOID : type(typed),
                Origin.with(dies, d, Dw.AT_EXTERNAL) != null, Origin.number(dies, d, Dw.AT_DECL_FILE),
                Origin.number(dies, d, Dw.AT_DECL_LINE), cu, body, callSites));
    }

    private Scope scope(Die d, Scope.Kind kind, String name, int depth) {
        List<PcRange> ranges = locations.ranges(d);
        long entry = d.has(Dw.AT_ENTRY_PC) ? entryPc(d, ranges) : ranges.isEmpty() ? 0 : ranges.get(0).low();
        Scope s = new Scope(kind, ranges, name, (int) d.number(Dw.AT_CALL_FILE, 0),
                (int) d.number(Dw.AT_CALL_LINE, 0), entry);
        List<Variable> vars = new ArrayList<>();
        List<Scope> kids = new ArrayList<>();
        children(d, vars, kids, depth);
        inheritAbstract(d, vars);
        s.fill(vars, kids);
        return s;
    }

    /**
     * The children of {@code d} into {@code vars} and {@code kids}. A lexical block without pcs is no scope of its
     * own: its variables and blocks belong to the enclosing one (as gdb reads them).
     */
    private void children(Die d, List<Variable> vars, List<Scope> kids, int depth) {
        for (Die c : d.children) {
            try {
                switch (c.tag()) {
                    case Dw.TAG_FORMAL_PARAMETER -> vars.add(variable(c, Variable.Kind.PARAMETER));
                    case Dw.TAG_VARIABLE -> vars.add(variable(c, Variable.Kind.LOCAL));
                    case Dw.TAG_LEXICAL_BLOCK -> {
                        if (c.has(Dw.AT_LOW_PC) || c.has(Dw.AT_RANGES)) {
                            kids.add(scope(c, Scope.Kind.BLOCK, null, depth + 1));
                        } else {
                            children(c, vars, kids, depth + 1);
                            inheritAbstract(c, vars);
                        }
                    }
                    case Dw.TAG_INLINED_SUBROUTINE ->
                        kids.add(scope(c, Scope.Kind.INLINED_CALL, Origin.name(dies, c), depth + 1));
                    case Dw.TAG_CALL_SITE, Dw.TAG_GNU_CALL_SITE -> callSite(c);
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                problem("DIE 0x" + Long.toHexString(c.offset) + ": " + e.getMessage());
            }
        }
    }

    /**
     * Parameters and variables of {@code d}'s abstract origin that no concrete child stands for: the compiler
     * dropped them, so they are in scope but optimized out (DWARF 5 section 3.3.8.2; gdb lists them too).
     */
    private void inheritAbstract(Die d, List<Variable> vars) {
        long o = d.ref(Dw.AT_ABSTRACT_ORIGIN);
        Die origin = o < 0 ? null : dies.get(o);
        if (origin == null) {
            return;
        }
        java.util.Set<Long> concrete = new java.util.HashSet<>();
        for (Die c : d.children) {
            concrete.add(c.ref(Dw.AT_ABSTRACT_ORIGIN));
        }
        abstractChildren(origin, concrete, vars, 0);
    }

    private void abstractChildren(Die origin, java.util.Set<Long> concrete, List<Variable> vars, int depth) {
        for (Die a : origin.children) {
            if (concrete.contains(a.offset) || depth > 32) {
                continue;
            }
            switch (a.tag()) {
                case Dw.TAG_FORMAL_PARAMETER -> vars.add(variable(a, Variable.Kind.PARAMETER));
                case Dw.TAG_VARIABLE -> vars.add(variable(a, Variable.Kind.LOCAL));
                case Dw.TAG_LEXICAL_BLOCK -> abstractChildren(a, concrete, vars, depth + 1);
                default -> {
                }
            }
        }
    }

    private void callSite(Die c) {
        int at = c.has(Dw.AT_CALL_RETURN_PC) ? Dw.AT_CALL_RETURN_PC : Dw.AT_LOW_PC;
        if (!c.has(at)) {
            return;
        }
        java.util.Map<Integer, byte[]> values = new java.util.HashMap<>();
        for (Die p : c.children) {
            byte[] loc = p.block(Dw.AT_LOCATION);
            byte[] value = p.has(Dw.AT_CALL_VALUE) ? p.block(Dw.AT_CALL_VALUE) : p.block(Dw.AT_GNU_CALL_SITE_VALUE);
            if (loc != null && value != null && loc.length == 1 && (loc[0] & 0xff) >= 0x50 && (loc[0] & 0xff) <= 0x6f) {
                values.put((loc[0] & 0xff) - 0x50, value);
            }
        }
        callSites.add(new CallSite(c.number(at, 0), values));
    }

    private long entryPc(Die d, List<PcRange> ranges) {
        long v = d.number(Dw.AT_ENTRY_PC, 0);
        if (!Forms.isAddress(d.form(Dw.AT_ENTRY_PC))) {
            v += ranges.isEmpty() ? 0 : ranges.get(0).low(); // DWARF 5: a constant is an offset from low_pc
        }
        return v;
    }

    private Variable variable(Die d, Variable.Kind kind) {
        String name = Origin.name(dies, d);
        Die typed = Origin.with(dies, d, Dw.AT_TYPE);
        Type t = typed == null ? VoidType.VOID : type(typed);
        VariableLocation loc = locations.variable(d, Origin.with(dies, d, Dw.AT_CONST_VALUE), t);
        if (kind == Variable.Kind.LOCAL && loc.kind() == VariableLocation.Kind.EXPRESSION
                && loc.expressionAt(0).map(e -> e.length > 0 && (e[0] & 0xff) == 0x03).orElse(false)) {
            kind = Variable.Kind.LOCAL_STATIC;
        }
        return new Variable(name, t, loc, kind, Origin.number(dies, d, Dw.AT_DECL_FILE),
                Origin.number(dies, d, Dw.AT_DECL_LINE), cu);
    }

    private Type type(Die typed) {
        try {
            return typeBuilder.typeOf(typed);
        } catch (RuntimeException e) {
            problem("type of DIE 0x" + Long.toHexString(typed.offset) + ": " + e.getMessage());
            return new VoidType("<invalid type>");
        }
    }

    void problem(String message) {
        problems.add(new Problem(unit == null ? -1 : unit.offset, message));
    }
}
