package dev.rewind.symbols.info;

/**
 * A parameter, local, global or static variable.
 *
 * @param name      its name (null for an unnamed parameter)
 * @param type      its type
 * @param location  where it lives
 * @param kind      what sort of variable it is
 * @param declFile  DW_AT_decl_file: index into the unit's line-table file list (0 when absent)
 * @param declLine  DW_AT_decl_line (0 when absent)
 * @param unit      the compile unit declaring it
 */
public record Variable(String name, Type type, VariableLocation location, Kind kind, int declFile, int declLine,
        CompileUnit unit) {

    public enum Kind { PARAMETER, LOCAL, LOCAL_STATIC, GLOBAL, FILE_STATIC }

    public boolean isGlobal() {
        return kind == Kind.GLOBAL || kind == Kind.FILE_STATIC;
    }

    @Override
    public String toString() {
        return kind + " " + TypeNames.declare(type, name == null ? "" : name);
    }
}
