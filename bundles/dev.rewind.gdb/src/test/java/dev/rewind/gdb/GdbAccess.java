package dev.rewind.gdb;

import java.nio.file.Path;

/** Lets tests in other packages run gdb-multiarch batch scripts. */
public final class GdbAccess {
    private GdbAccess() {
    }

    public static String batch(Path elf, int port, String... commands) throws Exception {
        return Gdb.batch(elf, port, commands);
    }
}
