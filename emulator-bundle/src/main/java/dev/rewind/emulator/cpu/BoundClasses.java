package dev.rewind.emulator.cpu;

import dev.rewind.emulator.jit.Translator;
import java.lang.invoke.MethodHandles;

/**
 * One machine's region classes bound to its memory ({@code Translator.BIND_TABLES}, {@code BIND_RAM}): the tag tables
 * and RAM's flat array are constants of the class (its class data), which C2 folds (no register, no length reloaded
 * in loops). Such a class belongs to this machine: it is kept in a cache of this machine's, never in the JVM-wide
 * {@link TranslationCache}, and dies with the machine. A class bound to RAM's array leaves at its entry once the array
 * grew ({@link JitCode#stale}); its blocks are then translated again, bound to the new array.
 */
final class BoundClasses {

    /**
     * Binding (on one-hart machines: {@link JitControl}); {@code -Drewind.jit.bind=false}: none (shared classes, A/B);
     * {@code -Drewind.jit.bindRam=false}: the tables only.
     */
    static final boolean BIND = !"false".equals(System.getProperty("rewind.jit.bind"));
    static final boolean BIND_RAM = !"false".equals(System.getProperty("rewind.jit.bindRam"));

    private final Interpreter in;
    /** The translation's binding ({@code Translator.translate}'s {@code bind}): 0 when off. */
    int mode;
    /**
     * This machine's bound classes, by the keys of the JVM-wide cache (a region translated again, after a restore or
     * a re-formation, takes its class and C2's code of it); emptied when RAM's array changes ({@link #ram}).
     */
    private final TranslationCache own = new TranslationCache(TranslationCache.DEFAULT_CAPACITY);
    /** The RAM array the classes in {@link #own} are bound to. */
    private byte[] ram;

    BoundClasses(Interpreter in, boolean on) {
        this.in = in;
        on(on);
    }

    void on(boolean on) {
        mode = on ? Translator.BIND_TABLES | (BIND_RAM ? Translator.BIND_RAM : 0) : 0;
    }

    /**
     * The cache for the next translation: {@code shared} when binding is off, else this machine's, after RAM settled
     * (a class is bound to the array the region's runs see: the slice loop settles before them) and emptied if that
     * moved RAM to a new array.
     */
    TranslationCache cache(TranslationCache shared) {
        if (mode == 0) {
            return shared;
        }
        if ((mode & Translator.BIND_RAM) != 0) {
            in.mem.settle();
            if (in.mem.ram != ram) {
                own.clear();
                ram = in.mem.ram;
            }
        }
        return own;
    }

    /** Defines the translated class, with this machine's arrays as its class data when binding. */
    Class<?> define(MethodHandles.Lookup lookup, byte[] bytes) throws IllegalAccessException {
        if (mode == 0) {
            return lookup.defineHiddenClass(bytes, true).lookupClass();
        }
        return lookup.defineHiddenClassWithClassData(bytes, Translator.classData(mode, in.lt, in.st, in.mem.ram), true)
                .lookupClass();
    }
}
