package dev.rewind.emulator.plugin;

import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.HartCallback;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import dev.rewind.plugin.api.TimeTravelCallback;
import dev.rewind.plugin.api.TranslateCallback;
import dev.rewind.plugin.api.TrapCallback;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One plugin installed into one machine: its context and what it registered. */
final class Installed implements PluginContext {
    final PluginHost host;
    final RewindPlugin plugin;
    final int version;
    final List<TranslateCallback> translate = new ArrayList<>();
    final List<TrapCallback> traps = new ArrayList<>();
    final List<HartCallback> starts = new ArrayList<>();
    final List<HartCallback> stops = new ArrayList<>();
    final List<TimeTravelCallback> travel = new ArrayList<>();
    boolean alive = true;
    boolean installing = true;

    Installed(PluginHost host, RewindPlugin plugin, int version) {
        this.host = host;
        this.plugin = plugin;
        this.version = version;
    }

    String name() {
        try {
            return plugin.name();
        } catch (RuntimeException e) {
            return plugin.getClass().getName();
        }
    }

    private <T> T reg(T cb) {
        Objects.requireNonNull(cb, "callback");
        if (!installing) {
            throw new IllegalStateException("plugin " + name() + ": callbacks can be registered only during install");
        }
        return cb;
    }

    @Override
    public int apiVersion() {
        return version;
    }

    @Override
    public int harts() {
        return host.harts();
    }

    @Override
    public int xlen() {
        return host.xlen();
    }

    @Override
    public boolean replaying() {
        return host.replaying();
    }

    @Override
    public void onTranslate(TranslateCallback cb) {
        translate.add(reg(cb));
    }

    @Override
    public void onTrap(TrapCallback cb) {
        traps.add(reg(cb));
    }

    @Override
    public void onHartStart(HartCallback cb) {
        starts.add(reg(cb));
    }

    @Override
    public void onHartStop(HartCallback cb) {
        stops.add(reg(cb));
    }

    @Override
    public void onTimeTravel(TimeTravelCallback cb) {
        travel.add(reg(cb));
    }

    @Override
    public Counter counter(String name) {
        return host.newCounter(Objects.requireNonNull(name, "name"));
    }

    @Override
    public void report(String line) {
        host.report(name(), line);
    }
}
