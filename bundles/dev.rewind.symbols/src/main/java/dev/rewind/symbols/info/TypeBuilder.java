package dev.rewind.symbols.info;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns type DIEs into {@link Type}s. Each DIE's type object is registered before its referenced types are
 * resolved, so cycles (a struct with a pointer to itself) end in the registry instead of recursing forever; a
 * depth bound stops pathological chains.
 */
final class TypeBuilder {
    private static final int MAX_DEPTH = 200;

    private final Map<Long, Die> dies;
    private final Map<Long, Type> built = new HashMap<>();
    private int depth;

    TypeBuilder(Map<Long, Die> dies) {
        this.dies = dies;
    }

    /** The type referenced by {@code d}'s DW_AT_type ({@code void} when absent). */
    Type typeOf(Die d) {
        long ref = d.ref(Dw.AT_TYPE);
        return ref < 0 ? VoidType.VOID : type(ref);
    }

    Type type(long offset) {
        Type t = built.get(offset);
        if (t != null) {
            return t;
        }
        Die d = dies.get(offset);
        if (d == null) {
            throw new IllegalStateException("type reference to 0x" + Long.toHexString(offset)
                    + ", where no DIE starts");
        }
        if (depth >= MAX_DEPTH) {
            throw new IllegalStateException("type references nested deeper than " + MAX_DEPTH + " at DIE 0x"
                    + Long.toHexString(offset));
        }
        depth++;
        try {
            return build(d);
        } finally {
            depth--;
        }
    }

    private Type build(Die d) {
        long size = d.number(Dw.AT_BYTE_SIZE, 0);
        switch (d.tag()) {
            case Dw.TAG_BASE_TYPE -> {
                return put(d, new BaseType(orElse(d.name(), "?"), size,
                        BaseType.encoding((int) d.number(Dw.AT_ENCODING, 0))));
            }
            case Dw.TAG_UNSPECIFIED_TYPE -> {
                return put(d, new VoidType(orElse(d.name(), "void")));
            }
            case Dw.TAG_POINTER_TYPE, Dw.TAG_REFERENCE_TYPE, Dw.TAG_RVALUE_REFERENCE_TYPE -> {
                PointerType p = put(d, new PointerType(size == 0 ? d.unit.addressSize : size,
                        d.tag() != Dw.TAG_POINTER_TYPE));
                p.target(typeOf(d));
                return p;
            }
            case Dw.TAG_TYPEDEF -> {
                TypedefType t = put(d, new TypedefType(orElse(d.name(), "?")));
                t.target(typeOf(d));
                return t;
            }
            case Dw.TAG_CONST_TYPE, Dw.TAG_VOLATILE_TYPE, Dw.TAG_RESTRICT_TYPE, Dw.TAG_ATOMIC_TYPE -> {
                QualifiedType q = put(d, new QualifiedType(switch (d.tag()) {
                    case Dw.TAG_CONST_TYPE -> QualifiedType.Qualifier.CONST;
                    case Dw.TAG_VOLATILE_TYPE -> QualifiedType.Qualifier.VOLATILE;
                    case Dw.TAG_RESTRICT_TYPE -> QualifiedType.Qualifier.RESTRICT;
                    default -> QualifiedType.Qualifier.ATOMIC;
                }));
                q.target(typeOf(d));
                return q;
            }
            case Dw.TAG_STRUCTURE_TYPE, Dw.TAG_CLASS_TYPE, Dw.TAG_UNION_TYPE -> {
                return struct(d, size);
            }
            case Dw.TAG_ENUMERATION_TYPE -> {
                return enumeration(d, size);
            }
            case Dw.TAG_ARRAY_TYPE -> {
                return array(d);
            }
            case Dw.TAG_SUBROUTINE_TYPE -> {
                return function(d);
            }
            default -> throw new IllegalStateException("DIE 0x" + Long.toHexString(d.offset) + " with tag 0x"
                    + Integer.toHexString(d.tag()) + " is not a type");
        }
    }

    private <T extends Type> T put(Die d, T t) {
        built.put(d.offset, t);
        return t;
    }

    private StructType struct(Die d, long size) {
        StructType.Kind kind = d.tag() == Dw.TAG_UNION_TYPE ? StructType.Kind.UNION
                : d.tag() == Dw.TAG_CLASS_TYPE ? StructType.Kind.CLASS : StructType.Kind.STRUCT;
        StructType s = put(d, new StructType(kind, d.name(), size, d.flag(Dw.AT_DECLARATION)));
        List<StructType.Member> members = new ArrayList<>();
        for (Die m : d.children) {
            if (m.tag() != Dw.TAG_MEMBER) {
                continue;
            }
            long byteOffset = memberOffset(m);
            int bitSize = (int) m.number(Dw.AT_BIT_SIZE, 0);
            long bitOffset = 0;
            if (bitSize > 0) {
                if (m.has(Dw.AT_DATA_BIT_OFFSET)) {
                    bitOffset = m.number(Dw.AT_DATA_BIT_OFFSET, 0);
                } else {
                    // DWARF 2-4: DW_AT_bit_offset counts from the storage unit's most significant bit
                    long storage = m.number(Dw.AT_BYTE_SIZE, 0);
                    bitOffset = byteOffset * 8 + storage * 8 - m.number(Dw.AT_BIT_OFFSET, 0) - bitSize;
                }
                byteOffset = bitOffset / 8;
            }
            members.add(new StructType.Member(m.name(), typeOf(m), byteOffset, bitSize, bitOffset));
        }
        s.members(members);
        return s;
    }

    private static long memberOffset(Die m) {
        byte[] block = m.block(Dw.AT_DATA_MEMBER_LOCATION);
        if (block == null) {
            return m.number(Dw.AT_DATA_MEMBER_LOCATION, 0);
        }
        // DWARF 2 style: DW_OP_plus_uconst N
        if (block.length >= 2 && (block[0] & 0xff) == 0x23) {
            long v = 0;
            int shift = 0;
            for (int i = 1; i < block.length && shift < 64; i++) {
                v |= (long) (block[i] & 0x7f) << shift;
                shift += 7;
                if ((block[i] & 0x80) == 0) {
                    break;
                }
            }
            return v;
        }
        return 0;
    }

    private EnumType enumeration(Die d, long size) {
        Type under = d.has(Dw.AT_TYPE) ? typeOf(d).strip() : null;
        boolean signed = under instanceof BaseType b ? b.isSigned() : true;
        EnumType e = put(d, new EnumType(d.name(), size, signed));
        List<EnumType.Enumerator> list = new ArrayList<>();
        for (Die c : d.children) {
            if (c.tag() == Dw.TAG_ENUMERATOR) {
                long v = signed ? c.signed(Dw.AT_CONST_VALUE, 0) : c.number(Dw.AT_CONST_VALUE, 0);
                list.add(new EnumType.Enumerator(orElse(c.name(), "?"), v));
            }
        }
        e.enumerators(list);
        return e;
    }

    private Type array(Die d) {
        List<Die> dims = new ArrayList<>();
        for (Die c : d.children) {
            if (c.tag() == Dw.TAG_SUBRANGE_TYPE || c.tag() == Dw.TAG_ENUMERATION_TYPE) {
                dims.add(c);
            }
        }
        if (dims.isEmpty()) {
            ArrayType a = put(d, new ArrayType(-1, 0));
            a.element(typeOf(d));
            return a;
        }
        ArrayType[] levels = new ArrayType[dims.size()];
        for (int i = 0; i < levels.length; i++) {
            Die s = dims.get(i);
            long lower = s.number(Dw.AT_LOWER_BOUND, 0);
            long count = -1;
            if (s.has(Dw.AT_COUNT) && !Forms.isReference(s.form(Dw.AT_COUNT)) && s.block(Dw.AT_COUNT) == null) {
                count = s.number(Dw.AT_COUNT, -1);
            } else if (s.has(Dw.AT_UPPER_BOUND) && !Forms.isReference(s.form(Dw.AT_UPPER_BOUND))
                    && s.block(Dw.AT_UPPER_BOUND) == null) {
                count = s.number(Dw.AT_UPPER_BOUND, -1) - lower + 1;
            }
            levels[i] = new ArrayType(count < 0 ? -1 : count, lower);
        }
        put(d, levels[0]);
        for (int i = 0; i + 1 < levels.length; i++) {
            levels[i].element(levels[i + 1]);
        }
        levels[levels.length - 1].element(typeOf(d));
        return levels[0];
    }

    private FunctionType function(Die d) {
        FunctionType f = put(d, new FunctionType(d.flag(Dw.AT_PROTOTYPED)));
        List<Type> params = new ArrayList<>();
        boolean varargs = false;
        for (Die c : d.children) {
            if (c.tag() == Dw.TAG_FORMAL_PARAMETER) {
                params.add(typeOf(c));
            } else if (c.tag() == Dw.TAG_UNSPECIFIED_PARAMETERS) {
                varargs = true;
            }
        }
        f.set(typeOf(d), params, varargs);
        return f;
    }

    private static String orElse(String s, String dflt) {
        return s == null ? dflt : s;
    }
}
