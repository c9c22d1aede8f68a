package dev.rewind.dap.source;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.VariableContainer;
import dev.rewind.symbols.info.Children;
import dev.rewind.symbols.info.Value;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Variable;

/** The members of a struct, the elements of an array (up to 1000), the target of a pointer. */
public record ValueContainer(Value value, String expression) implements VariableContainer {

    static final int MAX_ELEMENTS = 1000;

    @Override
    public List<Variable> variables(DapContext context) {
        List<Variable> out = new ArrayList<>();
        for (Children.Child c : Children.of(value, MAX_ELEMENTS)) {
            out.add(Values.variable(context, c.name(), childExpression(c.name()), c.value()));
        }
        return out;
    }

    private String childExpression(String child) {
        return Children.expression(expression, child);
    }

    @Override
    public int inspectedHart() {
        return value.target() instanceof SessionTarget t ? t.hart() : -1;
    }

    @Override
    public Variable set(DapContext context, String name, String text) {
        for (Children.Child c : Children.of(value, MAX_ELEMENTS)) {
            if (c.name().equals(name)) {
                SessionTarget target = (SessionTarget) writerOf(value);
                Expressions.assign(context, c.value(), text, target);
                return Values.variable(context, name, childExpression(name), c.value());
            }
        }
        throw DapErrors.badRequest("no member or element '" + name + "'");
    }

    static Object writerOf(Value v) {
        if (v.target() instanceof SessionTarget t) {
            return t;
        }
        throw DapErrors.wrongState("this value cannot be written");
    }
}
