package dev.rewind.symbols.expr;

import dev.rewind.symbols.info.ArrayType;
import dev.rewind.symbols.info.Children;
import dev.rewind.symbols.info.DebugInfo;
import dev.rewind.symbols.info.EnumType;
import dev.rewind.symbols.info.FrameContext;
import dev.rewind.symbols.info.Locator;
import dev.rewind.symbols.info.Location;
import dev.rewind.symbols.info.PointerType;
import dev.rewind.symbols.info.StructType;
import dev.rewind.symbols.info.TargetWriter;
import dev.rewind.symbols.info.Type;
import dev.rewind.symbols.info.Value;
import dev.rewind.symbols.info.ValueException;
import dev.rewind.symbols.info.ValueFormat;
import dev.rewind.symbols.info.Variable;
import java.util.Optional;

/**
 * Evaluates C-like expressions in one frame: locals and parameters visible at the frame's pc (innermost scope
 * first), globals (the frame's unit's statics first), enumerators, registers ({@code $a0}, {@code $sp},
 * {@code $pc}), literals, {@code * & [] . -> casts sizeof}, arithmetic, comparisons, logic and {@code ?:}. Errors
 * are {@link ExpressionException}s with a message for the user. One evaluator per frame; cheap to create.
 */
public final class Evaluator {
    private final DebugInfo info;
    private final FrameContext frame;
    private final Types types;
    private final Arithmetic arith;
    private final ValueFormat.Symbolizer symbols;

    public Evaluator(DebugInfo info, FrameContext frame) {
        this(info, frame, ValueFormat.Symbolizer.NONE);
    }

    /** An evaluator whose {@link #print} names pointed-to symbols like gdb ({@code <pool+16>}). */
    public Evaluator(DebugInfo info, FrameContext frame, ValueFormat.Symbolizer symbols) {
        this.symbols = symbols;
        this.info = info;
        this.frame = frame;
        this.types = new Types(info, frame.target().xlen());
        this.arith = new Arithmetic(types, frame.target());
    }

    /** The value of {@code text}; a value in memory is read once so that a bad address is reported here. */
    public Value evaluate(String text) {
        Node tree = Parser.parse(text, name -> info.type(name).isPresent() && lookup(name).isEmpty());
        Value v;
        try {
            v = eval(tree);
        } catch (ValueException e) {
            throw new ExpressionException(e.getMessage().equals("<optimized out>") ? "value has been optimized out"
                    : e.getMessage(), e);
        }
        if (v.isAvailable() && v.type().size() <= 4096 && !(v.type().strip() instanceof dev.rewind.symbols.info
                .FunctionType)) {
            try {
                v.bytes();
            } catch (ValueException e) {
                throw new ExpressionException(e.getMessage(), e);
            }
        }
        return v;
    }

    /** gdb's {@code print}: the value of {@code text} formatted. */
    public String print(String text) {
        return ValueFormat.format(evaluate(text), symbols);
    }

    /** A breakpoint condition: whether {@code text} is non-zero. */
    public boolean test(String text) {
        return arith.truth(evaluate(text));
    }

    /** Sets {@code target} (a variable or other lvalue) to the value of {@code text}, converted to its type. */
    public void assign(Value target, String text, TargetWriter writer) {
        Value v = evaluate(text);
        Type t = target.type().strip();
        byte[] bytes;
        if (t.isScalar()) {
            bytes = arith.convert(v, target.type()).bytes();
        } else if (v.type().strip().size() == t.size() && v.type().strip().name().equals(t.name())) {
            bytes = v.bytes();
        } else {
            throw new ExpressionException("cannot assign a value of type " + v.type().name() + " to one of type "
                    + target.type().name());
        }
        try {
            target.write(bytes, writer);
        } catch (ValueException e) {
            throw new ExpressionException(e.getMessage(), e);
        }
    }

    private Optional<Variable> lookup(String name) {
        for (Variable v : info.variablesAt(frame.pc())) {
            if (name.equals(v.name())) {
                return Optional.of(v);
            }
        }
        return info.global(name, frame.pc());
    }

    Value eval(Node n) {
        return switch (n) {
            case Node.Num num -> arith.literal(num);
            case Node.Chr c -> Value.of(types.charType, c.value(), frame.target());
            case Node.Ident id -> identifier(id.name());
            case Node.Register r -> register(r.name());
            case Node.Unary u -> unary(u);
            case Node.Binary b -> binary(b);
            case Node.Ternary t -> arith.truth(eval(t.condition())) ? eval(t.then()) : eval(t.otherwise());
            case Node.Index ix -> index(eval(ix.base()), eval(ix.index()));
            case Node.Member m -> member(m.arrow() ? deref(eval(m.base())) : eval(m.base()), m.name(), m.arrow());
            case Node.Cast c -> arith.convert(eval(c.operand()), types.resolve(c.type()));
            case Node.SizeofExpr s -> Value.of(types.ulongType, eval(s.operand()).type().size(), frame.target());
            case Node.SizeofType s -> Value.of(types.ulongType, types.resolve(s.type()).size(), frame.target());
        };
    }

    private Value identifier(String name) {
        Optional<Variable> v = lookup(name);
        if (v.isPresent()) {
            Variable var = v.get();
            return Locator.value(info, var, frame);
        }
        Optional<EnumType> e = info.enumerationOf(name);
        if (e.isPresent()) {
            long value = e.get().enumerators().stream().filter(en -> en.name().equals(name)).findFirst()
                    .orElseThrow().value();
            return Value.of(e.get(), value, frame.target());
        }
        throw new ExpressionException("no symbol '" + name + "' in current context");
    }

    private Value register(String name) {
        if (name.equals("pc")) {
            return Value.of(types.voidPointer, frame.pc(), frame.target());
        }
        int r = frame.target().registerNumber(name);
        if (r < 0) {
            throw new ExpressionException("no register named '$" + name + "'");
        }
        Type t = r == 2 || r == 8 ? types.voidPointer : types.longType;
        return new Value(t, new Location.Register(r), frame.target());
    }

    private Value unary(Node.Unary u) {
        Value v = eval(u.operand());
        return switch (u.op()) {
            case "*" -> deref(v);
            case "&" -> {
                Optional<Long> a = v.address();
                if (a.isEmpty()) {
                    throw new ExpressionException("cannot take the address of a value that is not in memory ("
                            + v.location() + ")");
                }
                yield Value.of(new PointerType(v.type(), types.pointerSize), a.get(), frame.target());
            }
            default -> arith.unary(u.op(), v);
        };
    }

    private Value binary(Node.Binary b) {
        if (b.op().equals("&&") || b.op().equals("||")) {
            boolean l = arith.truth(eval(b.left()));
            boolean r = b.op().equals("&&") ? l && arith.truth(eval(b.right())) : l || arith.truth(eval(b.right()));
            return Value.of(types.intType, r ? 1 : 0, frame.target());
        }
        return arith.binary(b.op(), eval(b.left()), eval(b.right()));
    }

    private Value deref(Value v) {
        Type t = v.type().strip();
        if (t instanceof ArrayType) {
            return Children.elements(v, 0, 1).get(0);
        }
        if (!(t instanceof PointerType p)) {
            throw new ExpressionException("cannot dereference a non-pointer value of type " + v.type().name());
        }
        if (p.target().strip() instanceof dev.rewind.symbols.info.VoidType) {
            throw new ExpressionException("cannot dereference a pointer to void");
        }
        return Children.deref(v);
    }

    private Value index(Value base, Value index) {
        long i = arith.integer(index, "an array index");
        Type t = base.type().strip();
        if (t instanceof ArrayType a) {
            long size = a.element().size();
            Value first = Children.elements(base, 0, 1).get(0);
            if (first.address().isPresent()) {
                return new Value(a.element(), new Location.Memory(first.address().get() + i * size), frame.target());
            }
            if (i < 0 || a.count() >= 0 && i >= a.count()) {
                throw new ExpressionException("index " + i + " outside an array that is not in memory");
            }
            return Children.elements(base, i, 1).get(0);
        }
        if (t instanceof PointerType) {
            return deref(arith.binary("+", base, index));
        }
        throw new ExpressionException("cannot subscript a value of type " + base.type().name());
    }

    private Value member(Value base, String name, boolean arrow) {
        Type t = base.type().strip();
        if (!(t instanceof StructType s)) {
            throw new ExpressionException("cannot take member '" + name + "' of a value of type "
                    + base.type().name() + (arrow ? "" : " (not a struct or union)"));
        }
        StructType.Member m = find(s, name, 0);
        if (m == null) {
            throw new ExpressionException("there is no member named '" + name + "' in " + s.name());
        }
        return Children.member(base, m);
    }

    /** A member by name, also inside anonymous struct/union members (offset adjusted). */
    private static StructType.Member find(StructType s, String name, long offset) {
        for (StructType.Member m : s.members()) {
            if (name.equals(m.name())) {
                return offset == 0 ? m : new StructType.Member(m.name(), m.type(), m.byteOffset() + offset,
                        m.bitSize(), m.bitOffset() + 8 * offset);
            }
            if (m.name() == null && m.type().strip() instanceof StructType inner) {
                StructType.Member found = find(inner, name, offset + m.byteOffset());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
