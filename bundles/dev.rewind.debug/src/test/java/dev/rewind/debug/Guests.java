package dev.rewind.debug;

import dev.rewind.symbols.Symbols;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The project's GCC-built guests and small helpers for service tests. */
final class Guests {
    static final Path ELF = Path.of("../../tests/guest/elf");

    private Guests() {
    }

    static Path elf(String name) {
        return ELF.resolve(name);
    }

    /** A symbol's address, from the ELF itself. */
    static long symbol(String elf, String name) throws Exception {
        return Symbols.load(elf(elf)).symbol(name)
                .orElseThrow(() -> new AssertionError("no symbol " + name + " in " + elf)).value();
    }

    /** The program's entry point, from the ELF itself. */
    static long entry(String elf) throws Exception {
        return Symbols.load(elf(elf)).elf().entry();
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }
}
