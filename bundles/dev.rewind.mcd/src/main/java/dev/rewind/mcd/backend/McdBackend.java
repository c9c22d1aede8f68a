package dev.rewind.mcd.backend;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.mcd.api.McdApi;
import java.util.Objects;

/**
 * Creates the MCD back end for one machine: {@code McdBackend.builder(image).harts(4).build()}.
 * Options: harts, RAM size, quantum, hardware triggers per hart (default 4), trace ring
 * capacity per hart (default 4096 instructions), snapshot interval of the engine's time
 * machine (default {@code TravelConfig.DEFAULT_INTERVAL}, 200,000 instructions; 0 disables time travel) and a console sink that also receives the
 * guest's UART output.
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

    private McdBackend(ElfImage image) {
        this.image = Objects.requireNonNull(image, "image");
    }

    public static McdBackend builder(ElfImage image) {
        return new McdBackend(image);
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

    /** Loads the image into a new machine and returns its MCD API. */
    public McdApi build() {
        MachineConfig cfg = MachineConfig.defaults(image.xlen()).withHarts(harts).withRamSize(ramSize)
                .withQuantum(quantum);
        Console c = new Console();
        MachineEngine engine = new MachineEngine(cfg, image, c, console, snapshotInterval);
        Target target = new Target(engine, c, hwTriggers, traceCapacity);
        return new RewindMcd(target, deviceName, "Rewind instance " + Integer.toHexString(System.identityHashCode(target)));
    }
}
