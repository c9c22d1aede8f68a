package dev.rewind.eclipse.core.model;

/**
 * A variable's value as read at one stop: gdb-style text, its type, and the expression to evaluate again for its
 * children.
 *
 * @param name       the name shown ({@code x}, {@code [3]}, {@code *})
 * @param expression the expression that evaluates to it in its frame, or null
 * @param type       the C type name
 * @param text       the formatted value, or an error in angle brackets
 * @param expandable whether it has members, elements or a pointee
 */
public record VarInfo(String name, String expression, String type, String text, boolean expandable) {

    /** Expression of the pseudo variable that groups the program's globals. */
    public static final String GLOBALS = "@globals";
}
