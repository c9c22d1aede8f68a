package dev.rewind.plugins;

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

/**
 * A harness for plugin authors' tests: runs an ELF to its end (at most 200M instructions) on a machine with one
 * plugin installed, interpreted or translated, and keeps the plugin's context, the machine and the run's result.
 *
 * @param image   the program
 * @param machine the machine it ran on (its plugin host still holds the plugin unless uninstalled)
 * @param result  how the run ended
 * @param context the context the plugin was installed with
 */
public record PluginRun(ElfImage image, Machine machine, RunResult result, PluginContext context) {

    /**
     * @param translate   whether hot blocks are translated to bytecode (else interpreted throughout)
     * @param uninstall   whether to uninstall the plugin after the run (its reports then are in the host's reports)
     * @throws AssertionError when the plugin is refused
     */
    public static PluginRun run(Path elf, int harts, boolean translate, RewindPlugin plugin, boolean uninstall)
            throws Exception {
        ElfImage img = ElfLoader.parse(elf);
        Machine m = new Machine(MachineConfig.defaults(img.xlen()).withHarts(harts), ConsoleSink.discard(),
                InputSource.none());
        m.setTranslation(translate, 50);
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
        return new PluginRun(img, m, r, ctx[0]);
    }

    /** A symbol's address in the program. */
    public long symbol(String name) {
        return image.symbol(name).orElseThrow(() -> new AssertionError("no symbol " + name)).value();
    }
}
