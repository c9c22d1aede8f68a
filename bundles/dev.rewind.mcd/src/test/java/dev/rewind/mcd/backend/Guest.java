package dev.rewind.mcd.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.mcd.api.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test helpers: the real GCC-built guests of tests/guest/elf and small MCD API conveniences. */
final class Guest {
    static final Path ELF = Path.of("../../tests/guest/elf");
    static final Path ENGINE_FIXTURES = Path.of("../../emulator-bundle/src/test/resources/elf");

    final ElfImage image;
    final McdApi api;

    private Guest(ElfImage image, McdApi api) {
        this.image = image;
        this.api = api;
    }

    static ElfImage image(String name) throws Exception {
        Path p = ELF.resolve(name);
        if (!Files.exists(p)) {
            p = ENGINE_FIXTURES.resolve(name);
        }
        return ElfLoader.parse(Files.readAllBytes(p));
    }

    static Guest of(String elf, int harts) throws Exception {
        ElfImage img = image(elf);
        return new Guest(img, McdBackend.builder(img).harts(harts).build());
    }

    static Guest with(ElfImage img, McdApi api) {
        return new Guest(img, api);
    }

    long sym(String name) {
        return image.symbol(name).orElseThrow(() -> new AssertionError("no symbol " + name)).value();
    }

    McdCore core(int coreId) throws McdException {
        McdList<CoreConInfo> cores = api.qryCores(api.qrySystems(0, 1).items().get(0), 0, 64);
        return api.openCore(cores.items().get(coreId));
    }

    /** Runs (global) from {@code core} and waits for the machine to stop. */
    static void runToStop(McdCore core) throws Exception {
        runToStop(core, true);
    }

    static void runToStop(McdCore core, boolean global) throws Exception {
        untilStopped(core, () -> core.run(global));
    }

    /** What sets a core going. */
    interface Start {
        void run() throws Exception;
    }

    /** Calls {@code start} and waits (at most a minute) for {@code core} to report the machine stopped. */
    static void untilStopped(McdCore core, Start start) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        McdEventListener l = (c, ev, st) -> {
            if ((ev & CoreEvent.STOPPED.bit()) != 0) {
                stopped.countDown();
            }
        };
        core.addEventListener(l);
        try {
            start.run();
            assertThat(stopped.await(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        } finally {
            core.removeEventListener(l);
        }
    }

    static long reg(McdCore core, int number) throws McdException {
        TxList r = core.executeTxlist(TxList.of(Tx.read(Addr.of(Layout.MEM_REGISTERS, number), 4)));
        return le(r.tx().get(0).data()) & 0xFFFF_FFFFL;
    }

    static long pc(McdCore core) throws McdException {
        return reg(core, RiscvRegisters.PC);
    }

    static void setReg(McdCore core, int number, long v) throws McdException {
        core.executeTxlist(TxList.of(Tx.write(Addr.of(Layout.MEM_REGISTERS, number), bytes(v, 4))));
    }

    static long mem32(McdCore core, long addr) throws McdException {
        TxList r = core.executeTxlist(TxList.of(Tx.read(Addr.of(Layout.MEM_PHYSICAL, addr), 4)));
        return le(r.tx().get(0).data()) & 0xFFFF_FFFFL;
    }

    static void setMem32(McdCore core, long addr, long v) throws McdException {
        core.executeTxlist(TxList.of(Tx.write(Addr.of(Layout.MEM_PHYSICAL, addr), bytes(v, 4))));
    }

    static long le(byte[] d) {
        long v = 0;
        for (int i = d.length - 1; i >= 0; i--) {
            v = v << 8 | (d[i] & 0xFF);
        }
        return v;
    }

    static byte[] bytes(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    static String console(McdCore core) throws McdException {
        Channel ch = core.chlOpen(new Channel(0, ChlType.APPLI, 3, 0, Addr.of(1, 0), 0));
        return new String(core.receiveMsg(ch, 0, 1 << 16), java.nio.charset.StandardCharsets.UTF_8);
    }
}
