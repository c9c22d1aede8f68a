package dev.rewind.mcd.server;

import dev.rewind.mcd.api.Channel;
import java.util.Map;

/** Communication channel and trace commands (Rewind additions to QEMU's set). */
final class ChannelTraceCommands {
    /** Longest wait a client may ask of mcd-receive-msg. */
    static final int MAX_TIMEOUT_MS = 5_000;
    /** Most bytes returned by one mcd-receive-msg (keeps the reply under 64 KiB). */
    static final int MAX_MSG = 8 * 1024;

    private ChannelTraceCommands() {
    }

    static void register(Map<String, Handler> m, WireState s) {
        m.put("mcd-chl-open", a -> {
            Channel c = s.core(a.u32("core-uid")).chlOpen(McdJsonExt.channel(a.obj("channel")));
            return Json.ok().add("channel", McdJsonExt.channel(c)).build();
        });
        m.put("mcd-send-msg", a -> {
            var core = s.core(a.u32("core-uid"));
            byte[] msg = a.bytes("msg");
            if (a.has("msg-len") && a.u32("msg-len") != msg.length) {
                throw new QmpError("Parameter 'msg-len' does not match the length of 'msg'");
            }
            core.sendMsg(McdJsonExt.channel(a.obj("channel")), msg);
            return Json.ok().build();
        });
        m.put("mcd-receive-msg", a -> {
            var core = s.core(a.u32("core-uid"));
            int timeout = (int) Math.min(Integer.toUnsignedLong(a.u32("timeout")), MAX_TIMEOUT_MS);
            int max = (int) Math.min(Integer.toUnsignedLong(a.u32("msg-len")), MAX_MSG);
            byte[] msg = core.receiveMsg(McdJsonExt.channel(a.obj("channel")), timeout, max);
            return Json.ok().u32("msg-len", msg.length).add("msg", Json.bytes(msg)).build();
        });
        m.put("mcd-chl-reset", a -> {
            s.core(a.u32("core-uid")).chlReset(McdJsonExt.channel(a.obj("channel")));
            return Json.ok().build();
        });
        m.put("mcd-chl-close", a -> {
            s.core(a.u32("core-uid")).chlClose(McdJsonExt.channel(a.obj("channel")));
            return Json.ok().build();
        });
        m.put("mcd-qry-traces", a -> {
            int num = a.u32("num-traces");
            return CoreInfoCommands.list(s.core(a.u32("core-uid")).qryTraces(a.u32("start-index"), num), num,
                    "num-traces", "trace-info", McdJsonExt::traceInfo);
        });
        m.put("mcd-qry-trace-state", a -> Json.ok()
                .add("state", McdJsonExt.traceState(s.core(a.u32("core-uid")).qryTraceState(a.u32("trace-id"))))
                .build());
        m.put("mcd-set-trace-state", a -> {
            var core = s.core(a.u32("core-uid"));
            return Json.ok().add("state", McdJsonExt.traceState(
                    core.setTraceState(a.u32("trace-id"), McdJsonExt.traceState(a.obj("state"))))).build();
        });
        m.put("mcd-read-trace", a -> {
            int num = a.u32("num-frames");
            var core = s.core(a.u32("core-uid"));
            return CoreInfoCommands.list(core.readTrace(a.u32("trace-id"), a.u64("start-index"), num), num,
                    "num-frames", "trace-data", McdJsonExt::traceFrame);
        });
    }
}
