package dev.rewind.debug;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
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
        ElfImage image = ElfLoader.parse(elf(elf));
        return image.symbol(name).orElseThrow(() -> new AssertionError("no symbol " + name + " in " + elf)).value();
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }
}
