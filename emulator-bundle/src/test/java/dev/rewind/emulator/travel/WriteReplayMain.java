package dev.rewind.emulator.travel;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link WriteRecordingTest}: replays a recording holding debugger writes (1) forward on a
 * plain machine to each time given, in order, and (2) as a time machine going to the times in reverse order,
 * printing "plain TIME HASH" and "travel TIME HASH" lines, then "end TIME HASH".
 */
public final class WriteReplayMain {
    private WriteReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        Recording rec = RecordingReader.read(Path.of(args[0]));
        ElfImage img = ElfLoader.parse(Files.readAllBytes(Path.of(rec.programPath())));
        RecordingPlayer p = RecordingPlayer.on(rec, img, ConsoleSink.discard());
        for (int i = 1; i < args.length; i++) {
            long t = Long.parseLong(args[i]);
            p.runTo(t);
            System.out.printf("plain %d %016x%n", p.machine().time(), p.machine().stateHash());
        }
        p.runTo(rec.endTime());
        System.out.printf("end %d %016x%n", p.machine().time(), p.machine().stateHash());
        TimeMachine tm = RecordingPlayer.open(rec, img, ConsoleSink.discard(), TravelConfig.defaults()
                .withInterval(50_000));
        for (int i = args.length - 1; i >= 1; i--) {
            tm.goToTime(Long.parseLong(args[i]));
            System.out.printf("travel %d %016x%n", tm.time(), tm.machine().stateHash());
        }
    }
}
