package dev.rewind.eclipse.tests;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

/** Lookups in the debug model the views show: registers by name, variables by name, a word of memory. */
final class Models {
    private Models() {
    }

    /** The value text of register {@code name} of {@code group}. */
    static String register(IRegisterGroup group, String name) throws Exception {
        for (IRegister r : group.getRegisters()) {
            if (r.getName().equals(name)) {
                return r.getValue().getValueString();
            }
        }
        throw new AssertionError("no register " + name + " in " + group.getName());
    }

    static IVariable named(IVariable[] vars, String name) throws Exception {
        for (IVariable v : vars) {
            if (v.getName().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no variable " + name);
    }

    /** The names of a value's members (a struct's fields, an array's elements). */
    static List<String> memberNames(IValue value) throws Exception {
        List<String> out = new ArrayList<>();
        for (IVariable v : value.getVariables()) {
            out.add(v.getName());
        }
        return out;
    }

    /** The little-endian 32-bit word at the start of a memory block. */
    static long u32(IMemoryBlock block) throws Exception {
        byte[] b = block.getBytes();
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (long) (b[3] & 0xff) << 24;
    }
}
