package dev.rewind.mcd.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.rewind.mcd.api.Channel;
import dev.rewind.mcd.api.ChlType;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.TraceExecState;
import dev.rewind.mcd.api.TraceFrame;
import dev.rewind.mcd.api.TraceInfo;
import dev.rewind.mcd.api.TraceState;
import dev.rewind.mcd.api.TrigBus;
import dev.rewind.mcd.api.TrigComplexCore;
import dev.rewind.mcd.api.TrigCounter;
import dev.rewind.mcd.api.TrigCustom;
import dev.rewind.mcd.api.TrigSimpleCore;
import dev.rewind.mcd.api.Trigger;
import dev.rewind.mcd.api.Tx;
import dev.rewind.mcd.api.TxAccessType;
import dev.rewind.mcd.api.TxList;
import java.util.ArrayList;
import java.util.List;

/** JSON form of triggers, transactions, channels and trace structures. */
final class McdJsonExt {
    private McdJsonExt() {
    }

    /** MCDTrig: exactly one of its members must be present. */
    static Trigger trig(Args a) throws QmpError, McdException {
        int present = 0;
        Trigger t = null;
        for (String k : List.of("trig-simple-core", "trig-complex-core", "trig-trig-bus", "trig-counter",
                "trig-custom")) {
            if (a.has(k)) {
                present++;
                t = trigMember(k, a.obj(k));
            }
        }
        if (present != 1) {
            throw new QmpError("Parameter 'trig' must have exactly one member, found " + present);
        }
        return t;
    }

    private static Trigger trigMember(String kind, Args t) throws QmpError, McdException {
        int type = t.u32("type");
        int option = t.u32("option");
        int action = t.u32("action");
        int param = t.u32("action-param");
        boolean modified = t.has("modified") && t.bool("modified");
        int stateMask = t.u32("state-mask");
        return switch (kind) {
            case "trig-simple-core" -> new TrigSimpleCore(type, option, action, param, modified, stateMask,
                    McdJson.addr(t.obj("addr-start")), t.u64("addr-range"));
            case "trig-complex-core" -> new TrigComplexCore(type, option, action, param, modified, stateMask,
                    McdJson.addr(t.obj("addr-start")), t.u64("addr-range"), t.u64("data-start"),
                    t.u64("data-range"), t.u64("data-mask"), t.u32("data-size"), t.u32("hw-thread-id"),
                    t.u64("sw-thread-id"), t.u32("core-mode-mask"));
            case "trig-trig-bus" -> new TrigBus(type, option, action, param, modified, stateMask,
                    t.u32("trig-bus-value"), t.u32("trig-bus-mask"));
            case "trig-counter" -> new TrigCounter(type, option, action, param, modified, stateMask,
                    t.u64("count-value"), t.u64("reload-value"));
            default -> {
                JsonArray args = t.array("ctrig-args");
                List<Integer> values = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    values.add((int) args.get(i).getAsLong());
                }
                yield new TrigCustom(type, option, action, param, modified, stateMask, t.u32("ctrig-id"), values);
            }
        };
    }

    static JsonObject trig(Trigger t) {
        Json.Obj o = Json.obj().u32("type", t.type()).u32("option", t.option()).u32("action", t.action())
                .u32("action-param", t.actionParam()).bool("modified", t.modified()).u32("state-mask", t.stateMask());
        String kind;
        switch (t) {
            case TrigSimpleCore s -> {
                kind = "trig-simple-core";
                o.add("addr-start", McdJson.addr(s.addrStart())).u64("addr-range", s.addrRange());
            }
            case TrigComplexCore c -> {
                kind = "trig-complex-core";
                o.add("addr-start", McdJson.addr(c.addrStart())).u64("addr-range", c.addrRange())
                        .u64("data-start", c.dataStart()).u64("data-range", c.dataRange())
                        .u64("data-mask", c.dataMask()).u32("data-size", c.dataSize())
                        .u32("hw-thread-id", c.hwThreadId()).u64("sw-thread-id", c.swThreadId())
                        .u32("core-mode-mask", c.coreModeMask());
            }
            case TrigBus b -> {
                kind = "trig-trig-bus";
                o.u32("trig-bus-value", b.trigBusValue()).u32("trig-bus-mask", b.trigBusMask());
            }
            case TrigCounter c -> {
                kind = "trig-counter";
                o.u64("count-value", c.countValue()).u64("reload-value", c.reloadValue());
            }
            case TrigCustom c -> {
                kind = "trig-custom";
                o.u32("ctrig-id", c.ctrigId()).add("ctrig-args", Json.u32s(c.ctrigArgs()));
            }
        }
        return Json.obj().add(kind, o.build()).build();
    }

    static TxList txlist(Args a) throws QmpError, McdException {
        JsonArray arr = a.array("tx");
        int numTx = a.u32("num-tx", arr.size());
        if (numTx != arr.size()) {
            throw new QmpError("Parameter 'txlist.num-tx' is " + Integer.toUnsignedLong(numTx) + " but 'tx' has "
                    + arr.size() + " elements");
        }
        List<Tx> txs = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            txs.add(tx(Args.element(arr, i, "txlist.tx")));
        }
        return new TxList(txs, 0);
    }

    private static Tx tx(Args t) throws QmpError, McdException {
        TxAccessType at = TxAccessType.of(Integer.toUnsignedLong(t.u32("access-type")));
        int numBytes = t.u32("num-bytes");
        if (numBytes < 0 || numBytes > 1 << 20) {
            throw new QmpError("Parameter 'num-bytes' is out of range (max 1 MiB)");
        }
        byte[] data = t.has("data") ? t.bytes("data") : new byte[0];
        if (at == TxAccessType.R && data.length != numBytes) {
            data = new byte[numBytes];
        }
        if (data.length != numBytes) {
            throw new QmpError("Parameter 'data' has " + data.length + " bytes but 'num-bytes' is " + numBytes);
        }
        return new Tx(McdJson.addr(t.obj("addr")), at, t.u32("options"), t.u8("access-width"), t.u8("core-mode"),
                data, numBytes, 0);
    }

    static JsonObject txlist(TxList l) {
        JsonArray arr = new JsonArray(l.numTx());
        for (Tx t : l.tx()) {
            arr.add(Json.obj().add("addr", McdJson.addr(t.addr())).u32("access-type", t.accessType().value())
                    .u32("options", t.options()).u32("access-width", t.accessWidth()).u32("core-mode", t.coreMode())
                    .add("data", Json.bytes(t.data())).u32("num-bytes", t.numBytes())
                    .u32("num-bytes-ok", t.numBytesOk()).build());
        }
        return Json.obj().add("tx", arr).u32("num-tx", l.numTx()).u32("num-tx-ok", l.numTxOk()).build();
    }

    static Channel channel(Args a) throws QmpError, McdException {
        return new Channel(a.u32("chl-id"), ChlType.of(Integer.toUnsignedLong(a.u32("type"))), a.u32("attributes"),
                a.u32("max-msg-len"), McdJson.addr(a.obj("msg-buffer-addr")), a.u8("prio"));
    }

    static JsonObject channel(Channel c) {
        return Json.obj().u32("chl-id", c.chlId()).u32("type", c.type().value()).u32("attributes", c.attributes())
                .u32("max-msg-len", c.maxMsgLen()).add("msg-buffer-addr", McdJson.addr(c.msgBufferAddr()))
                .u32("prio", c.prio()).build();
    }

    static JsonObject traceInfo(TraceInfo t) {
        return Json.obj().u32("trace-id", t.traceId()).str("trace-name", t.traceName())
                .u32("trace-type", t.traceType()).u32("trace-format", t.traceFormat().value())
                .u32("trace-modes", t.traceModes()).bool("trace-no-timestamps", t.traceNoTimestamps())
                .bool("trace-shared", t.traceShared()).bool("trace-size-is-bytes", t.traceSizeIsBytes()).build();
    }

    static TraceState traceState(Args a) throws QmpError, McdException {
        return new TraceState(TraceExecState.of(Integer.toUnsignedLong(a.u32("state"))), a.u32("mode"),
                a.bool("autoarm"), a.bool("wraparound"), a.u64("frames"), a.u64("count"), a.u64("size"),
                a.u64("trigger-delay"), a.u8("timestamp-accuracy"), a.bool("timestamp-is-time"), a.u32("options"),
                a.has("modified") && a.bool("modified"), a.str("info-str", ""));
    }

    static JsonObject traceState(TraceState s) {
        return Json.obj().u32("state", s.state().value()).u32("mode", s.mode()).bool("autoarm", s.autoarm())
                .bool("wraparound", s.wraparound()).u64("frames", s.frames()).u64("count", s.count())
                .u64("size", s.size()).u64("trigger-delay", s.triggerDelay())
                .u32("timestamp-accuracy", s.timestampAccuracy()).bool("timestamp-is-time", s.timestampIsTime())
                .u32("options", s.options()).bool("modified", s.modified()).str("info-str", s.infoStr()).build();
    }

    static JsonObject traceFrame(TraceFrame f) {
        return Json.obj().u64("timestamp", f.timestamp()).u32("marker", f.marker()).u32("cycle", f.cycle().value())
                .add("addr", McdJson.addr(f.addr())).u64("data", f.data()).u32("data-width", f.dataWidth())
                .u32("data-mask", f.dataMask()).u32("source", f.source()).u32("aux-info", f.auxInfo()).build();
    }
}
