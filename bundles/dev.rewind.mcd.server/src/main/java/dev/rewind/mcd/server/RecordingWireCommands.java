package dev.rewind.mcd.server;

import dev.rewind.emulator.elf.ElfFormatException;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingException;
import dev.rewind.emulator.travel.RecordingReader;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code rewind-open-recording}: the server switches to a session opened from a recording (see docs/WIRE.md).
 * Everything that can go wrong — file, program, replay — is found before the current session is touched.
 */
final class RecordingWireCommands {
    private RecordingWireCommands() {
    }

    static void register(Map<String, Handler> m, WireState s) {
        m.put("rewind-open-recording", a -> {
            String path = a.str("path");
            String program = a.has("program") ? a.str("program") : null;
            Recording rec;
            try {
                rec = RecordingReader.read(path(path));
            } catch (RecordingException e) {
                throw new McdException(McdErrorCode.PARAM, e.getMessage(), e);
            }
            Path elf = path(program != null ? program : rec.programPath());
            ElfImage image = image(elf, program == null);
            try {
                rec.checkProgram(image.sha256());
            } catch (RecordingException e) {
                throw McdException.param(e.getMessage());
            }
            McdApi api;
            try {
                api = s.opener.open(path(path), elf);
            } catch (RuntimeException e) {
                throw new McdException(McdErrorCode.GENERAL, "cannot open the recording " + path + ": "
                        + e.getMessage(), e);
            }
            int cores = s.replace(api);
            return Json.ok().str("path", path).str("program", elf.toString()).u32("num-cores", cores)
                    .u64("time", 0).u64("end-time", rec.endTime())
                    .u32("num-writes", rec.writes().size()).u32("num-bookmarks", rec.bookmarks().size()).build();
        });
    }

    private static Path path(String s) throws McdException {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw McdException.param("not a file name: " + s);
        }
    }

    private static ElfImage image(Path elf, boolean recorded) throws McdException {
        try {
            return ElfLoader.parse(Files.readAllBytes(elf));
        } catch (NoSuchFileException e) {
            throw McdException.param((recorded ? "the recorded program " : "the program ") + elf + " is missing"
                    + (recorded ? " (give it with 'program')" : ""));
        } catch (IOException e) {
            throw McdException.param("cannot read the program " + elf + ": " + e.getMessage());
        } catch (ElfFormatException e) {
            throw McdException.param(elf + " is not a usable RISC-V ELF: " + e.getMessage());
        }
    }
}
