package dev.rewind.emulator.plugin;

import dev.rewind.emulator.cpu.BlockExecCallback;
import dev.rewind.emulator.isa.Decoded;
import dev.rewind.emulator.isa.Disassembler;
import dev.rewind.plugin.api.RewindPlugin;
import dev.rewind.plugin.api.TimeTravelEvent;
import dev.rewind.plugin.api.TranslateCallback;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The plugin host of one machine: installs plugins (negotiating the API version, {@link Admission}), hands blocks to
 * their translation callbacks, delivers trap, hart and time-travel events ({@link HostEvents}), keeps their inline
 * counters ({@link CounterBank}), and fails plugins that throw. With no plugin installed the engine asks it nothing
 * per block: {@link #active()} is false and nothing is instrumented. Machine thread only, except {@link #request}
 * (any thread; the machine runs queued requests at its next slice boundary).
 */
public final class PluginHost {
    private final int harts;
    private final int xlen;
    private final Disassembler dis;
    private final List<Installed> installed = new ArrayList<>();
    private final HostEvents events = new HostEvents(this, installed);
    private final CounterBank counters;
    private final ConcurrentLinkedQueue<Runnable> requests = new ConcurrentLinkedQueue<>();
    private final List<String> log = new ArrayList<>();
    private BiConsumer<String, String> sink = (p, l) -> { };
    private Runnable invalidate = () -> { };
    private BooleanSupplier replaySource = () -> false;
    private java.util.function.LongSupplier clock = () -> 0;
    private volatile boolean attention;
    private boolean active;
    /** How many times a plugin died (failed or removed): translated code's {@link CallTable}s look at it. */
    private int deaths;
    /** Some plugin wants trap events: the interpreter and translated code report traps. */
    public boolean traps;

    public PluginHost(int harts, int xlen) {
        this.harts = harts;
        this.xlen = xlen;
        this.dis = new Disassembler(xlen);
        this.counters = new CounterBank(harts);
    }

    int harts() {
        return harts;
    }

    int xlen() {
        return xlen;
    }

    Disassembler disassembler() {
        return dis;
    }

    /** Any plugin installed and alive (blocks are offered for instrumentation). */
    public boolean active() {
        return active;
    }

    public boolean replaying() {
        return counters.replaying();
    }

    /** Engine wiring: how to drop every translation (machine thread, outside execution). */
    public void onInvalidate(Runnable r) {
        invalidate = r;
    }

    /** Engine wiring: whether the machine replays history now (time travel's console gate, closed). */
    public void replaySource(BooleanSupplier s) {
        replaySource = s;
    }

    /** Engine wiring: the machine's virtual time (for hart start events of plugins installed while it runs). */
    public void clock(java.util.function.LongSupplier c) {
        clock = c;
    }

    /** Where report lines go ({@code (plugin name, line)}), besides {@link #reports()}. */
    public void reportTo(BiConsumer<String, String> s) {
        sink = s;
    }

    /** Every report line so far, as {@code "name: line"}. */
    public List<String> reports() {
        return List.copyOf(log);
    }

    /**
     * Installs {@code p} (machine thread, machine stopped): negotiates the version, calls its {@code install}, drops
     * translations so every block is offered to it. Returns the refusal message, if refused.
     */
    public Optional<String> install(RewindPlugin p) {
        String name = new Installed(this, p, 0).name();
        Admission a = Admission.of(p, installed);
        if (a.refusal() != null) {
            return refuse(name, a.refusal());
        }
        Installed in = new Installed(this, p, a.version());
        try {
            p.install(in);
        } catch (Throwable t) {
            rethrowFatal(t);
            return refuse(name, "install threw " + t);
        }
        in.installing = false;
        installed.add(in);
        refresh();
        events.started(in, harts, clock.getAsLong());
        return Optional.empty();
    }

    private Optional<String> refuse(String name, String why) {
        String msg = "plugin " + name + " refused: " + why;
        report(name, msg);
        return Optional.of(msg);
    }

    /** Uninstalls {@code p} (calling its {@code uninstall}); false if it was not installed. Machine thread. */
    public boolean uninstall(RewindPlugin p) {
        for (Installed i : List.copyOf(installed)) {
            if (i.plugin == p) {
                remove(i, true);
                return true;
            }
        }
        return false;
    }

    /** Uninstalls every plugin (end of a run). */
    public void uninstallAll() {
        for (Installed i : List.copyOf(installed)) {
            remove(i, true);
        }
    }

    private void remove(Installed i, boolean callUninstall) {
        installed.remove(i);
        if (callUninstall && i.alive) {
            try {
                i.plugin.uninstall(i);
            } catch (Throwable t) {
                rethrowFatal(t);
                report(i.name(), "uninstall threw " + t);
            }
        }
        if (i.alive) {
            i.alive = false;
            deaths++;
        }
        refresh();
    }

    private void refresh() {
        active = false;
        traps = false;
        for (Installed i : installed) {
            active |= i.alive;
            traps |= i.alive && !i.traps.isEmpty();
        }
        invalidate.run();
    }

    int deaths() {
        return deaths;
    }

    /** Runs {@code r} on the machine thread at its next slice boundary (or the next run). Any thread. */
    public void request(Runnable r) {
        requests.add(r);
        attention = true;
    }

    /** Whether {@link #attend()} has work: one volatile read per scheduler slice. */
    public boolean needsAttention() {
        return attention;
    }

    /** At a slice boundary: queued requests, removal of failed plugins. */
    public void attend() {
        attention = false;
        for (Runnable r; (r = requests.poll()) != null; ) {
            r.run();
        }
        for (Installed i : List.copyOf(installed)) {
            if (!i.alive) {
                remove(i, false);
            }
        }
    }

    /** A plugin callback threw: the plugin is reported and unregistered (at the next slice boundary). */
    void failed(Installed owner, Throwable t) {
        rethrowFatal(t);
        if (owner == null || !owner.alive) {
            return;
        }
        owner.alive = false;
        deaths++;
        report(owner.name(), "plugin " + owner.name() + " failed and was unregistered: " + t);
        attention = true;
    }

    private static void rethrowFatal(Throwable t) {
        if (t instanceof VirtualMachineError e) {
            throw e;
        }
    }

    void report(String name, String line) {
        log.add(name + ": " + line);
        sink.accept(name, line);
    }

    CounterImpl newCounter(String name) {
        return counters.create(name);
    }

    boolean owns(CounterImpl c) {
        return counters.owns(c);
    }

    /**
     * Offers a freshly decoded block to the plugins (and to {@code legacy} block callbacks of the engine's own
     * instrumentation); returns its probes, or null when nobody attached anything.
     */
    public Probes translate(long pc, List<Decoded> insns, long[] pcs, int[] ops, BlockExecCallback[] legacy) {
        TbImpl tb = new TbImpl(this, pc, insns, pcs, ops);
        for (Installed i : installed) {
            if (!i.alive) {
                continue;
            }
            tb.owner = i;
            for (TranslateCallback cb : i.translate) {
                try {
                    cb.translate(tb);
                } catch (Throwable t) {
                    failed(i, t);
                }
            }
        }
        return tb.seal(legacy);
    }

    /** Before each run: follow the time machine's replay state. */
    public void syncReplay(long time) {
        boolean r = replaySource.getAsBoolean();
        if (r != counters.replaying()) {
            counters.replaying(r);
            travel(r ? TimeTravelEvent.REPLAY_START : TimeTravelEvent.REPLAY_END, time);
        }
    }

    /** Time travel arrived at {@code time}. */
    public void landed(long time) {
        syncReplay(time);
        travel(TimeTravelEvent.LANDED, time);
    }

    /** History after {@code time} was discarded. */
    public void timelineCut(long time) {
        travel(TimeTravelEvent.TIMELINE_CUT, time);
    }

    private void travel(TimeTravelEvent e, long time) {
        events.travel(e, time);
    }

    /** A hart entered its trap handler. */
    public void trap(int hart, long time, int cause, boolean interrupt, long epc, long tval) {
        events.trap(hart, time, cause, interrupt, epc, tval);
    }

    public void hartStart(int hart, long time) {
        events.harts(true, hart, time);
    }

    public void hartStop(int hart, long time) {
        events.harts(false, hart, time);
    }
}
