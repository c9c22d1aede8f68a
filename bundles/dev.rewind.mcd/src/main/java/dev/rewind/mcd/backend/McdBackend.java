package dev.rewind.mcd.backend;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.emulator.travel.RecordingException;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdException;
import java.util.Objects;

/**
 * Creates the MCD back end for one machine: {@code McdBackend.builder(image).harts(4).build()}.
 * Options: harts, RAM size, quantum, hardware triggers per hart (default 4), trace ring
 * capacity per hart (default 4096 instructions), snapshot interval of the engine's time
 * machine (default {@code TravelConfig.DEFAULT_INTERVAL}, 200,000 instructions; 0 disables time travel) and a console sink that also receives the
 * guest's UART output. {@link #fromRecording} opens a saved recording instead of a fresh run; {@link #programPath}
 * names the ELF in recordings saved from the session.
 */
public final class McdBackend {
    private final ElfImage image;
    private int harts = 1;
    private long ramSize = MachineConfig.DEFAULT_RAM;
    private int quantum = MachineConfig.DEFAULT_QUANTUM;
    private int hwTriggers = 4;
    private int traceCapacity = 4096;
    private long snapshotInterval = dev.rewind.emulator.travel.TravelConfig.DEFAULT_INTERVAL;
    private ConsoleSink console;
    private String deviceName = "rewind-virt";
    private String programPath = "";
    private Recording recording;

    private McdBackend(ElfImage image) {
        this.image = Objects.requireNonNull(image, "image");
    }

    public static McdBackend builder(ElfImage image) {
        return new McdBackend(image);
    }

    /**
     * A back end for the ELF file {@code elf}, its path kept for recordings.
     *
     * @throws McdException PARAM naming the file when it is missing, unreadable or not a RISC-V ELF Rewind can load
     */
    public static McdBackend load(java.nio.file.Path elf) throws McdException {
        return builder(parse(elf, "program")).programPath(elf.toAbsolutePath().normalize().toString());
    }

    /**
     * A back end that opens the recording file {@code recording} of the ELF file {@code program} (see
     * {@link #fromRecording}).
     *
     * @throws McdException PARAM when either file cannot be read, the recording is corrupt or made from another program
     */
    public static McdBackend openRecording(java.nio.file.Path recording, java.nio.file.Path program)
            throws McdException {
        ElfImage image = parse(program, "program");
        Recording rec;
        try {
            rec = dev.rewind.emulator.travel.RecordingReader.read(recording);
        } catch (RecordingException e) {
            throw McdException.param(e.getMessage());
        }
        return fromRecording(rec, image);
    }

    /**
     * What the recording {@code file} says about itself (program, machine, bookmarks, end), without building a machine.
     *
     * @throws McdException PARAM with the reader's explanation: missing, unreadable, corrupt or too new a file
     */
    public static RecordingHeader readRecording(java.nio.file.Path file) throws McdException {
        Recording rec;
        try {
            rec = dev.rewind.emulator.travel.RecordingReader.read(file);
        } catch (RecordingException e) {
            throw new McdException(dev.rewind.mcd.api.McdErrorCode.PARAM, e.getMessage(), e);
        }
        MachineConfig m = rec.machine();
        return new RecordingHeader(rec.programPath(), rec.programSha256Hex(), m.harts(), m.ramSize(), m.quantum(),
                rec.bookmarks().stream().map(b -> new dev.rewind.mcd.timetravel.TimeTravel.Bookmark(b.name(), b.time()))
                        .toList(),
                rec.writes().size(), rec.endTime(), rec.endStateHash(), rec.endReason());
    }

    private static ElfImage parse(java.nio.file.Path elf, String what) throws McdException {
        try {
            return dev.rewind.emulator.elf.ElfLoader.parse(java.nio.file.Files.readAllBytes(elf));
        } catch (java.nio.file.NoSuchFileException e) {
            throw McdException.param("no such " + what + ": " + elf);
        } catch (java.io.IOException e) {
            throw McdException.param("cannot read " + elf + ": " + e.getMessage());
        } catch (dev.rewind.emulator.elf.ElfFormatException e) {
            throw McdException.param(elf + " is not a RISC-V ELF program Rewind can load: " + e.getMessage());
        }
    }

    /** Harts of the machine to build (a recording's own when opened from one). */
    public int harts() {
        return harts;
    }

    public long ramSize() {
        return ramSize;
    }

    public int quantum() {
        return quantum;
    }

    /** Like {@link #console(ConsoleSink)}, for callers that take the guest's console output as bytes (0..255). */
    public McdBackend consoleBytes(java.util.function.IntConsumer bytes) {
        return console(b -> bytes.accept(b & 0xFF));
    }

    /**
     * A session that opens {@code recording} (made from {@code image}'s ELF): its machine configuration, its
     * input log, its debugger writes and its bookmarks. The session starts at time 0 and can run or travel to any
     * point; {@code TimeTravel.verifyRecording()} goes to the recording's end and checks the state hash there. A
     * recording with debugger writes is replayed up to its last write when the session is built (so that history
     * holds the writes; the guest's console output up to there is emitted then, and running forward from time 0
     * replays it silently), each write's state hash checked.
     *
     * @throws McdException PARAM if {@code image} is not the recorded program (SHA-256 differs)
     */
    public static McdBackend fromRecording(Recording recording, ElfImage image) throws McdException {
        Objects.requireNonNull(recording, "recording");
        try {
            recording.checkProgram(image.sha256());
        } catch (RecordingException e) {
            throw McdException.param(e.getMessage());
        }
        McdBackend b = new McdBackend(image);
        b.recording = recording;
        b.programPath = recording.programPath();
        MachineConfig m = recording.machine();
        return b.harts(m.harts()).ramSize(m.ramSize()).quantum(m.quantum());
    }

    /** The ELF's path as saved in recordings of this session ({@code TimeTravel.saveRecording}). */
    public McdBackend programPath(String path) {
        programPath = Objects.requireNonNull(path, "path");
        return this;
    }

    public McdBackend harts(int n) {
        harts = n;
        return this;
    }

    public McdBackend ramSize(long bytes) {
        ramSize = bytes;
        return this;
    }

    public McdBackend quantum(int q) {
        quantum = q;
        return this;
    }

    public McdBackend hardwareTriggersPerHart(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("hardware triggers per hart must not be negative");
        }
        hwTriggers = n;
        return this;
    }

    public McdBackend traceCapacity(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("trace capacity must be positive");
        }
        traceCapacity = frames;
        return this;
    }

    public McdBackend snapshotInterval(long instructions) {
        if (instructions < 0) {
            throw new IllegalArgumentException("snapshot interval must not be negative");
        }
        snapshotInterval = instructions;
        return this;
    }

    public McdBackend console(ConsoleSink sink) {
        console = sink;
        return this;
    }

    public McdBackend deviceName(String name) {
        deviceName = Objects.requireNonNull(name);
        return this;
    }

    /**
     * Loads the image into a new machine and returns its MCD API.
     *
     * @throws IllegalStateException for a recording ({@link #fromRecording}) whose replay diverges at a debugger
     *                               write, or a machine configuration other than the recording's
     */
    public McdApi build() {
        MachineConfig cfg = MachineConfig.defaults(image.xlen()).withHarts(harts).withRamSize(ramSize)
                .withQuantum(quantum);
        if (recording != null && !cfg.equals(recording.machine())) {
            throw new IllegalStateException("a recording replays only on its own machine " + recording.machine()
                    + ", not " + cfg);
        }
        Console c = new Console();
        MachineEngine engine = new MachineEngine(cfg, image, c, console, snapshotInterval,
                new SessionRecording(programPath, image.sha256(), recording));
        Target target = new Target(engine, c, hwTriggers, traceCapacity);
        return new RewindMcd(target, deviceName, "Rewind instance " + Integer.toHexString(System.identityHashCode(target)));
    }
}
