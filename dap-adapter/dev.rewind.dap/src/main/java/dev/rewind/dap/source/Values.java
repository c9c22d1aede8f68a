package dev.rewind.dap.source;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.symbols.info.Value;
import dev.rewind.symbols.info.ValueFormat;
import org.eclipse.lsp4j.debug.Variable;

/** DAP variables from symbols values: gdb-style text, the type, children for structs, arrays and pointers. */
public final class Values {

    private Values() {
    }

    public static Variable variable(DapContext context, String name, String evaluateName, Value value) {
        Variable v = new Variable();
        v.setName(name);
        v.setEvaluateName(evaluateName);
        v.setType(value.type().name());
        String text;
        try {
            text = ValueFormat.format(value, symbolizer(context));
        } catch (RuntimeException e) {
            text = "<error: " + e.getMessage() + ">";
        }
        v.setValue(text);
        v.setVariablesReference(hasChildren(value) ? context.handles().put(new ValueContainer(value, evaluateName)) : 0);
        try {
            value.address().ifPresent(a -> v.setMemoryReference(Addresses.hex(a)));
        } catch (RuntimeException e) {
            // a value without an address (register, computed, optimized out) has no memory reference
            v.setMemoryReference(null);
        }
        return v;
    }

    /** Structs, unions, arrays and pointers to data can be expanded (a pointer to its target). */
    public static boolean hasChildren(Value value) {
        return dev.rewind.symbols.info.Children.expandable(value);
    }

    static ValueFormat.Symbolizer symbolizer(DapContext context) {
        return a -> context.symbols().at(a).map(s -> a == s.value() ? s.name() : s.name() + "+" + (a - s.value()));
    }
}
