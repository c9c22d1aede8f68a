package dev.rewind.mcd.server;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfFormatException;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.backend.McdBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code ./rewind mcd PROG.elf [--port 1235] [--harts N] [--host H]} needs: load the ELF,
 * build the MCD back end and serve it. Returns the running server; {@link McdWireServer#stop()}
 * ends it. No static state.
 */
public final class McdServerLauncher {
    public static final int DEFAULT_PORT = 1235;

    private McdServerLauncher() {
    }

    /**
     * @param host null for loopback
     * @throws IOException          if the file cannot be read or the port cannot be bound
     * @throws ElfFormatException   if the file is not a RISC-V ELF
     */
    public static McdWireServer launch(Path elf, String host, int port, int harts, ConsoleSink console)
            throws IOException, ElfFormatException {
        ElfImage image = ElfLoader.parse(Files.readAllBytes(elf));
        McdApi api = McdBackend.builder(image).harts(harts).console(console)
                .programPath(elf.toAbsolutePath().normalize().toString()).build();
        McdWireServer server = new McdWireServer(api, (rec, img) -> McdBackend.fromRecording(rec, img)
                .console(console).build());
        server.start(host, port);
        return server;
    }
}
