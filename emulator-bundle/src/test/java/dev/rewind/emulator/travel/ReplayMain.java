package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link RecordingTest}: replays a recording on a fresh machine to a bookmark and to its
 * end, printing "NAME TIME HASH" lines.
 */
public final class ReplayMain {
    private ReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        Recording rec = RecordingReader.read(Path.of(args[0]));
        byte[] elf = Files.readAllBytes(Path.of(rec.programPath()));
        ElfImage img = ElfLoader.parse(elf);
        rec.checkProgram(img.sha256());
        Machine m = new Machine(rec.machine(), ConsoleSink.discard(), new InputLog(rec.input()));
        m.load(img);
        long mark = rec.bookmark(args[1]).orElseThrow().time();
        m.runUntilTime(mark);
        System.out.printf("%s %d %016x%n", args[1], m.time(), m.stateHash());
        m.runUntilTime(rec.endTime());
        System.out.printf("end %d %016x%n", m.time(), m.stateHash());
    }
}
