package dev.rewind.emulator;

import dev.rewind.emulator.cpu.Bus;
import dev.rewind.emulator.cpu.Hart;
import dev.rewind.emulator.device.Htif;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfSegment;
import dev.rewind.emulator.elf.ElfSymbol;
import dev.rewind.emulator.mem.PhysicalMemory;

/** {@link Machine#load}: an ELF image into RAM, every hart reset to its entry, HTIF wired when the image has one. */
final class ImageLoader {

    private ImageLoader() {
    }

    static void load(ElfImage image, MachineConfig cfg, PhysicalMemory mem, Bus bus, Hart[] harts,
            Checkpoints checkpoints, Scheduler sched) {
        if (image.xlen() != cfg.xlen()) {
            throw new LoadException("ELF is RV" + image.xlen() + " but the machine is RV" + cfg.xlen());
        }
        for (ElfSegment s : image.loadSegments()) {
            if (s.memSize() > 0 && !mem.contains(s.paddr(), s.memSize())) {
                throw new LoadException(String.format("segment 0x%x+0x%x lies outside RAM 0x%x+0x%x", s.paddr(),
                        s.memSize(), mem.base(), mem.size()));
            }
        }
        for (ElfSegment s : image.loadSegments()) {
            byte[] data = s.data();
            bus.debugWrite(s.paddr(), data, 0, data.length);
            if (s.memSize() > data.length) {
                bus.debugWrite(s.paddr() + data.length, new byte[(int) (s.memSize() - data.length)], 0,
                        (int) (s.memSize() - data.length));
            }
        }
        for (Hart h : harts) {
            h.reset(image.entry());
            h.setReg(10, h.id());
        }
        image.symbol("tohost").map(ElfSymbol::value).ifPresent(to -> {
            long from = image.symbol("fromhost").map(ElfSymbol::value).orElse(Htif.NO_FROMHOST);
            Htif htif = new Htif(bus, bus, to, from);
            checkpoints.setHtif(htif);
            bus.setTohost(to, htif::onTohostWrite);
        });
        sched.reset();
        bus.clearExit();
    }
}
