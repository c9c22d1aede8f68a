package dev.rewind.emulator.plugin;

import dev.rewind.plugin.api.HartCallback;
import dev.rewind.plugin.api.TimeTravelCallback;
import dev.rewind.plugin.api.TimeTravelEvent;
import dev.rewind.plugin.api.TrapCallback;
import java.util.List;

/** Delivers the host's non-execution events (time travel, traps, harts) to the installed plugins. */
final class HostEvents {
    private final PluginHost host;
    private final List<Installed> installed;

    HostEvents(PluginHost host, List<Installed> installed) {
        this.host = host;
        this.installed = installed;
    }

    void travel(TimeTravelEvent e, long time) {
        for (Installed i : List.copyOf(installed)) {
            for (TimeTravelCallback cb : i.travel) {
                if (i.alive) {
                    try {
                        cb.timeTravel(e, time);
                    } catch (Throwable t) {
                        host.failed(i, t);
                    }
                }
            }
        }
    }

    void trap(int hart, long time, int cause, boolean interrupt, long epc, long tval) {
        for (Installed i : installed) {
            for (TrapCallback cb : i.traps) {
                if (i.alive) {
                    try {
                        cb.trap(hart, time, cause, interrupt, epc, tval);
                    } catch (Throwable t) {
                        host.failed(i, t);
                    }
                }
            }
        }
    }

    void harts(boolean start, int hart, long time) {
        for (Installed i : List.copyOf(installed)) {
            for (HartCallback cb : start ? i.starts : i.stops) {
                if (i.alive) {
                    try {
                        cb.hart(hart, time);
                    } catch (Throwable t) {
                        host.failed(i, t);
                    }
                }
            }
        }
    }

    /** A newly installed plugin hears that every hart runs. */
    void started(Installed in, int harts, long time) {
        for (int h = 0; h < harts; h++) {
            for (HartCallback cb : in.starts) {
                if (in.alive) {
                    try {
                        cb.hart(h, time);
                    } catch (Throwable t) {
                        host.failed(in, t);
                    }
                }
            }
        }
    }
}
