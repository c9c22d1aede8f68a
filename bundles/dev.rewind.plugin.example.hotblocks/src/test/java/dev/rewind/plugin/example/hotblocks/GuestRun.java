package dev.rewind.plugin.example.hotblocks;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.nio.file.Path;

/** Runs a guest of tests/guest/elf with one plugin installed; keeps the plugin's context and reports. */
final class GuestRun {
    final ElfImage image;
    final Machine machine;
    final RunResult result;
    final PluginContext ctx;

    private GuestRun(ElfImage image, Machine machine, RunResult result, PluginContext ctx) {
        this.image = image;
        this.machine = machine;
        this.result = result;
        this.ctx = ctx;
    }

    static GuestRun run(String elf, int harts, boolean jit, RewindPlugin plugin, boolean uninstall) throws Exception {
        ElfImage img = ElfLoader.parse(Path.of("../../tests/guest/elf").resolve(elf));
        Machine m = new Machine(MachineConfig.defaults(img.xlen()).withHarts(harts), ConsoleSink.discard(),
                InputSource.none());
        m.setTranslation(jit, 50);
        m.load(img);
        PluginContext[] ctx = new PluginContext[1];
        RewindPlugin spy = new RewindPlugin() {
            @Override
            public String name() {
                return plugin.name();
            }

            @Override
            public void install(PluginContext c) {
                ctx[0] = c;
                plugin.install(c);
            }

            @Override
            public void uninstall(PluginContext c) {
                plugin.uninstall(c);
            }
        };
        if (m.plugins().install(spy).isPresent()) {
            throw new AssertionError(m.plugins().reports());
        }
        RunResult r = m.run(200_000_000);
        if (uninstall) {
            m.plugins().uninstallAll();
        }
        return new GuestRun(img, m, r, ctx[0]);
    }

    long symbol(String name) {
        return image.symbol(name).orElseThrow(() -> new AssertionError("no symbol " + name)).value();
    }
}
