package dev.rewind.bench;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfFormatException;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.emulator.travel.TimeMachine;
import dev.rewind.emulator.travel.TravelConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The benchmark's guest: tests/guest/elf/ttbench-rvXX.elf, whose hart 0 calls {@code tt_mark(k)} after ~1e6,
 * 1e7, 1e8 and 1e9 of its own instructions (see tests/guest/README.md), on a machine of {@code harts} harts and
 * {@code ramBytes} of RAM with the default quantum.
 */
public final class Guest {

    private final Path elf;
    private final ElfImage image;
    private final MachineConfig config;
    private final long markPc;

    public Guest(Path elf, int harts, long ramBytes) throws IOException {
        this.elf = elf;
        try {
            this.image = ElfLoader.parse(elf);
        } catch (ElfFormatException e) {
            throw new IOException(elf + ": " + e.getMessage(), e);
        }
        this.config = MachineConfig.defaults(image.xlen()).withHarts(harts).withRamSize(ramBytes);
        this.markPc = image.symbol("tt_mark").map(sym -> sym.value()).orElse(-1L);
    }

    public Path elf() {
        return elf;
    }

    public MachineConfig config() {
        return config;
    }

    /** Address of {@code tt_mark}. */
    public long markPc() throws IOException {
        if (markPc < 0) {
            throw new IOException(elf + " has no tt_mark symbol (not a ttbench ELF?)");
        }
        return markPc;
    }

    /** A fresh plain machine (no history) with the guest loaded. */
    public Machine machine() {
        Machine m = new Machine(config, ConsoleSink.discard(), InputSource.none());
        m.load(image);
        return m;
    }

    /** A fresh time machine with the guest loaded. */
    public TimeMachine timeMachine(TravelConfig travel) {
        return TimeMachine.create(config, image, ConsoleSink.discard(), null, travel);
    }

    public String describe() {
        return String.format("%s, %d hart(s), RV%d, %d MiB RAM, quantum %d", elf.getFileName(), config.harts(),
                config.xlen(), config.ramSize() >> 20, config.quantum());
    }
}
