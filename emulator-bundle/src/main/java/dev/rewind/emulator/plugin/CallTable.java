package dev.rewind.emulator.plugin;

import dev.rewind.plugin.api.ExecCallback;
import java.util.ArrayList;
import java.util.List;

/**
 * The execution callbacks of one translated region as its code calls them: {@link #calls} holds the plugins' own
 * callbacks, unwrapped (a conditional one without its test, which the code makes itself), in the translator's
 * order, and the code calls each from a call site of its own, so that the site's type profile names one callback
 * class and C2 inlines it (an empty callback costs a type check). What a wrapper around each callback would do on
 * every call is done here, off the fast path:
 * <ul>
 * <li>a callback that throws: its call site catches it and calls {@link #failed}, which fails the plugin
 * ({@link PluginHost#failed}) and replaces its callbacks in this table by a no-op, so the rest of the region's run
 * skips them;</li>
 * <li>a plugin that failed elsewhere (in the interpreter, another region, a memory callback): {@link #check}, at the
 * region's entry and after each memory callback, compares the host's count of plugin deaths with the one this table
 * has seen and replaces the dead plugins' callbacks.</li>
 * </ul>
 * So a plugin's callbacks are never called once it failed or was removed, as in the interpreter ({@link Probes}).
 * (A guest trap is never thrown by plugin code: plugins cannot make or reach a {@code Trap}.)
 */
public final class CallTable {
    private static final ExecCallback NOOP = (hart, time) -> { };
    private static final CallTable EMPTY = new CallTable(null, new ExecCallback[0], new Installed[0]);

    /** The callbacks, by call slot: read by translated code at each call. */
    public final ExecCallback[] calls;
    private final Installed[] owners;
    private final PluginHost host;
    private int deaths = -1;

    private CallTable(PluginHost host, ExecCallback[] calls, Installed[] owners) {
        this.host = host;
        this.calls = calls;
        this.owners = owners;
    }

    /** The callbacks of a region's blocks' probes (null entries: blocks without probes), in the translator's order. */
    public static CallTable of(Probes[] probes) {
        List<ExecCallback> cbs = new ArrayList<>();
        List<Installed> owners = new ArrayList<>();
        PluginHost host = null;
        for (Probes p : probes) {
            if (p != null) {
                p.hooks(cbs, owners);
                host = p.host();
            }
        }
        if (cbs.isEmpty()) {
            return EMPTY;
        }
        CallTable t = new CallTable(host, cbs.toArray(ExecCallback[]::new), owners.toArray(Installed[]::new));
        t.check();
        return t;
    }

    /** Whether the table has any callback (translated code then checks it at the region's entry). */
    public boolean isEmpty() {
        return calls.length == 0;
    }

    /** Replaces the callbacks of plugins that died since the last look. */
    public void check() {
        if (host != null && deaths != host.deaths()) {
            sweep();
        }
    }

    /** The callback at {@code slot} threw {@code t}: its plugin fails, its callbacks here are skipped from now on. */
    public void failed(Throwable t, int slot) {
        host.failed(owners[slot], t);
        sweep();
    }

    private void sweep() {
        deaths = host.deaths();
        for (int i = 0; i < calls.length; i++) {
            if (owners[i] != null && !owners[i].alive) {
                calls[i] = NOOP;
            }
        }
    }
}
