package dev.rewind.emulator.elf;

import java.util.Objects;

/**
 * One defined symbol from {@code .symtab}.
 *
 * @param name  the symbol's name (never empty)
 * @param value {@code st_value} (an address for functions and objects)
 * @param size  {@code st_size}
 * @param type  {@code ELF_ST_TYPE(st_info)}: {@link #STT_NOTYPE}, {@link #STT_OBJECT}, {@link #STT_FUNC}, ...
 * @param bind  {@code ELF_ST_BIND(st_info)}: {@link #STB_LOCAL}, {@link #STB_GLOBAL}, {@link #STB_WEAK}
 */
public record ElfSymbol(String name, long value, long size, int type, int bind) {

    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;
    public static final int STT_TLS = 6;

    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;

    public ElfSymbol {
        Objects.requireNonNull(name, "name");
    }

    public boolean isFunction() {
        return type == STT_FUNC;
    }

    public boolean isObject() {
        return type == STT_OBJECT;
    }

    public boolean isGlobal() {
        return bind == STB_GLOBAL || bind == STB_WEAK;
    }

    /** Whether {@code addr} lies in {@code [value, value + size)} (a zero-sized symbol contains only its value). */
    public boolean contains(long addr) {
        return size == 0 ? addr == value : Long.compareUnsigned(addr - value, size) < 0;
    }
}
