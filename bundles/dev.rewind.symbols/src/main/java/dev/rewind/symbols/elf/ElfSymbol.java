package dev.rewind.symbols.elf;

/**
 * One .symtab entry.
 *
 * @param name    the symbol's name (may be empty, e.g. for section symbols)
 * @param value   its value (an address for functions and objects)
 * @param size    its size in bytes (0 when unknown)
 * @param type    STT_*
 * @param binding STB_*
 * @param section the index of the section it is defined in (0 = undefined; 0xfff1 = absolute)
 */
public record ElfSymbol(String name, long value, long size, Type type, Binding binding, int section) {

    /** Symbol type (st_info low nibble). */
    public enum Type {
        NOTYPE, OBJECT, FUNC, SECTION, FILE, COMMON, TLS, OTHER;

        static Type of(int t) {
            return t < 7 ? values()[t] : OTHER;
        }
    }

    /** Symbol binding (st_info high nibble). */
    public enum Binding {
        LOCAL, GLOBAL, WEAK, OTHER;

        static Binding of(int b) {
            return b < 3 ? values()[b] : OTHER;
        }
    }

    /** Whether the symbol is defined in a section of the file (not undefined, absolute or common). */
    public boolean defined() {
        return section != 0 && section < 0xff00;
    }

    /** Whether {@code address} lies in {@code [value, value + size)}, or equals value for a size-0 symbol. */
    public boolean contains(long address) {
        return size == 0 ? address == value : Long.compareUnsigned(address - value, size) < 0;
    }
}
