package dev.rewind.mcd.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.AddrSpaceType;
import dev.rewind.mcd.api.ApiVersion;
import dev.rewind.mcd.api.CoreConInfo;
import dev.rewind.mcd.api.CoreModeInfo;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.CtrigInfo;
import dev.rewind.mcd.api.ErrorInfo;
import dev.rewind.mcd.api.ImplVersionInfo;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.MemBlock;
import dev.rewind.mcd.api.MemSpace;
import dev.rewind.mcd.api.RegisterGroup;
import dev.rewind.mcd.api.RegisterInfo;
import dev.rewind.mcd.api.RstInfo;
import dev.rewind.mcd.api.ServerInfo;
import dev.rewind.mcd.api.TrigInfo;
import dev.rewind.mcd.api.TrigSetState;
import dev.rewind.mcd.api.TrigState;
import java.util.List;
import java.util.function.Function;

/** JSON form of the MCD structures, member names as in QEMU's qapi/mcd.json. */
final class McdJson {
    private McdJson() {
    }

    static ApiVersion apiVersion(Args a) throws QmpError {
        return new ApiVersion(a.u16("v-api-major"), a.u16("v-api-minor"), a.str("author"));
    }

    static JsonObject apiVersion(ApiVersion v) {
        return Json.obj().u32("v-api-major", v.major()).u32("v-api-minor", v.minor()).str("author", v.author())
                .build();
    }

    static JsonObject implInfo(ImplVersionInfo i) {
        return Json.obj().add("v-api", apiVersion(i.vApi())).u32("v-imp-major", i.impMajor())
                .u32("v-imp-minor", i.impMinor()).u32("v-imp-build", i.impBuild()).str("vendor", i.vendor())
                .str("date", i.date()).build();
    }

    static JsonObject errorInfo(ErrorInfo e) {
        return Json.obj().u32("return-status", e.returnStatus()).u32("error-code", e.errorCode())
                .u32("error-events", e.errorEvents()).str("error-str", e.errorStr()).build();
    }

    static JsonObject serverInfo(ServerInfo s) {
        return Json.obj().str("server", s.server()).str("system-instance", s.systemInstance())
                .str("acc-hw", s.accHw()).build();
    }

    static CoreConInfo conInfo(Args a) throws QmpError {
        return new CoreConInfo(a.str("host"), a.u32("server-port"), a.str("server-key"), a.str("system-key"),
                a.str("device-key"), a.str("system"), a.str("system-instance"), a.str("acc-hw"),
                a.u32("device-type"), a.str("device"), a.u32("device-id"), a.str("core"), a.u32("core-type"),
                a.u32("core-id"));
    }

    static JsonObject conInfo(CoreConInfo c) {
        return Json.obj().str("host", c.host()).u32("server-port", c.serverPort()).str("server-key", c.serverKey())
                .str("system-key", c.systemKey()).str("device-key", c.deviceKey()).str("system", c.system())
                .str("system-instance", c.systemInstance()).str("acc-hw", c.accHw())
                .u32("device-type", c.deviceType()).str("device", c.device()).u32("device-id", c.deviceId())
                .str("core", c.core()).u32("core-type", c.coreType()).u32("core-id", c.coreId()).build();
    }

    static JsonObject coreMode(CoreModeInfo m) {
        return Json.obj().u32("core-mode", m.coreMode()).str("name", m.name()).build();
    }

    static Addr addr(Args a) throws QmpError, McdException {
        return new Addr(a.u64("address"), a.u32("mem-space-id"), a.u32("addr-space-id"),
                AddrSpaceType.of(Integer.toUnsignedLong(a.u32("addr-space-type"))));
    }

    static JsonObject addr(Addr a) {
        return Json.obj().u64("address", a.address()).u32("mem-space-id", a.memSpaceId())
                .u32("addr-space-id", a.addrSpaceId()).u32("addr-space-type", a.addrSpaceType().value()).build();
    }

    static JsonObject memSpace(MemSpace m) {
        return Json.obj().u32("mem-space-id", m.memSpaceId()).str("mem-space-name", m.memSpaceName())
                .u32("mem-type", m.memType()).u32("bits-per-mau", m.bitsPerMau()).u32("invariance", m.invariance())
                .u32("endian", m.endian().value()).u64("min-addr", m.minAddr()).u64("max-addr", m.maxAddr())
                .u32("num-mem-blocks", m.numMemBlocks()).u32("supported-access-options", m.supportedAccessOptions())
                .u32("core-mode-mask-read", m.coreModeMaskRead()).u32("core-mode-mask-write", m.coreModeMaskWrite())
                .build();
    }

    static JsonObject memBlock(MemBlock m) {
        return Json.obj().u32("mem-block-id", m.memBlockId()).str("mem-block-name", m.memBlockName())
                .bool("has-children", m.hasChildren()).u32("parent-id", m.parentId()).u64("start-addr", m.startAddr())
                .u64("end-addr", m.endAddr()).u32("endian", m.endian().value())
                .add("supported-au-sizes", Json.u32s(m.supportedAuSizes()))
                .u32("supported-access-options", m.supportedAccessOptions())
                .u32("core-mode-mask-read", m.coreModeMaskRead()).u32("core-mode-mask-write", m.coreModeMaskWrite())
                .build();
    }

    static JsonObject regGroup(RegisterGroup g) {
        return Json.obj().u32("reg-group-id", g.regGroupId()).str("reg-group-name", g.regGroupName())
                .u32("n-registers", g.nRegisters()).build();
    }

    static JsonObject regInfo(RegisterInfo r) {
        return Json.obj().add("addr", addr(r.addr())).u32("reg-group-id", r.regGroupId()).str("regname", r.regName())
                .u32("regsize", r.regSize()).u32("core-mode-mask-read", r.coreModeMaskRead())
                .u32("core-mode-mask-write", r.coreModeMaskWrite()).bool("side-effects-read", r.sideEffectsRead())
                .bool("side-effects-write", r.sideEffectsWrite()).u32("reg-type", r.regType().value())
                .u32("hw-thread-id", r.hwThreadId()).build();
    }

    static JsonObject trigInfo(TrigInfo t) {
        return Json.obj().u32("type", t.type()).u32("option", t.option()).u32("action", t.action())
                .u32("trig-number", t.trigNumber()).u32("state-number", t.stateNumber())
                .u32("counter-number", t.counterNumber()).bool("sw-breakpoints", t.swBreakpoints()).build();
    }

    static JsonObject ctrigInfo(CtrigInfo c) {
        return Json.obj().u32("ctrig-id", c.ctrigId()).str("info-str", c.infoStr()).build();
    }

    static JsonObject trigState(TrigState s) {
        return Json.obj().bool("active", s.active()).bool("captured", s.captured())
                .bool("captured-valid", s.capturedValid()).u64("count-value", s.countValue())
                .bool("count-valid", s.countValid()).build();
    }

    static JsonObject trigSetState(TrigSetState s) {
        return Json.obj().bool("active", s.active()).u32("state", s.state()).bool("state-valid", s.stateValid())
                .u32("trig-bus", s.trigBus()).bool("trig-bus-valid", s.trigBusValid()).bool("trace", s.trace())
                .bool("trace-valid", s.traceValid()).bool("analysis", s.analysis())
                .bool("analysis-valid", s.analysisValid()).build();
    }

    static JsonObject coreState(CoreState s) {
        return Json.obj().u32("state", s.state().value()).u32("event", s.event()).u32("hw-thread-id", s.hwThreadId())
                .u32("trig-id", s.trigId()).str("stop-str", s.stopStr()).str("info-str", s.infoStr()).build();
    }

    static JsonObject rstInfo(RstInfo r) {
        return Json.obj().u32("class-vector", r.classVector()).str("info-str", r.infoStr()).build();
    }

    static <T> JsonArray list(List<T> items, Function<T, JsonObject> f) {
        JsonArray a = new JsonArray(items.size());
        for (T t : items) {
            a.add(f.apply(t));
        }
        return a;
    }
}
