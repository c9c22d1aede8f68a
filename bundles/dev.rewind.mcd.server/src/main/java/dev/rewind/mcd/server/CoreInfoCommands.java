package dev.rewind.mcd.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdList;
import java.util.Map;
import java.util.function.Function;

/** Core connection, core modes, memory spaces/blocks and register description commands. */
final class CoreInfoCommands {
    private CoreInfoCommands() {
    }

    static void register(Map<String, Handler> m, WireState s) {
        m.put("mcd-open-core", a -> {
            McdCore core = s.api.openCore(McdJson.conInfo(a.obj("core-con-info")));
            int uid = s.addCore(core);
            return Json.ok().u32("core-uid", uid).add("core-con-info", McdJson.conInfo(core.conInfo())).build();
        });
        m.put("mcd-close-core", a -> {
            int uid = a.u32("core-uid");
            s.core(uid).close();
            s.removeCore(uid);
            return Json.ok().build();
        });
        m.put("mcd-qry-core-modes", a -> {
            int num = a.u32("num-modes");
            return list(s.core(a.u32("core-uid")).qryCoreModes(a.u32("start-index"), num), num, "num-modes",
                    "core-mode-info", McdJson::coreMode);
        });
        m.put("mcd-qry-device-description", a -> Json.ok()
                .str("url", s.core(a.u32("core-uid")).qryDeviceDescription()).build());
        m.put("mcd-qry-max-payload-size", a -> Json.ok()
                .u32("max-payload", s.core(a.u32("core-uid")).qryMaxPayloadSize()).build());
        m.put("mcd-qry-input-handle", a -> Json.ok()
                .u32("input-handle", s.core(a.u32("core-uid")).qryInputHandle()).build());
        m.put("mcd-qry-mem-spaces", a -> {
            int num = a.u32("num-mem-spaces");
            return list(s.core(a.u32("core-uid")).qryMemSpaces(a.u32("start-index"), num), num, "num-mem-spaces",
                    "mem-spaces", McdJson::memSpace);
        });
        m.put("mcd-qry-mem-blocks", a -> {
            int num = a.u32("num-mem-blocks");
            return list(s.core(a.u32("core-uid")).qryMemBlocks(a.u32("mem-space-id"), a.u32("start-index"), num),
                    num, "num-mem-blocks", "mem-blocks", McdJson::memBlock);
        });
        m.put("mcd-qry-active-overlays", a -> {
            int num = a.u32("num-active-overlays");
            McdList<Integer> l = s.core(a.u32("core-uid")).qryActiveOverlays(a.u32("start-index"), num);
            return ids(l, num, "num-active-overlays", "active-overlays");
        });
        m.put("mcd-qry-reg-groups", a -> {
            int num = a.u32("num-reg-groups");
            return list(s.core(a.u32("core-uid")).qryRegGroups(a.u32("start-index"), num), num, "num-reg-groups",
                    "reg-groups", McdJson::regGroup);
        });
        m.put("mcd-qry-reg-map", a -> {
            int num = a.u32("num-regs");
            return list(s.core(a.u32("core-uid")).qryRegMap(a.u32("reg-group-id"), a.u32("start-index"), num), num,
                    "num-regs", "reg-info", McdJson::regInfo);
        });
        m.put("mcd-qry-reg-compound", a -> {
            int num = a.u32("num-reg-ids");
            McdList<Integer> l = s.core(a.u32("core-uid")).qryRegCompound(a.u32("compound-reg-id"),
                    a.u32("start-index"), num);
            return ids(l, num, "num-reg-ids", "reg-id-array");
        });
    }

    static <T> JsonObject list(McdList<T> l, int requested, String countKey, String listKey,
            Function<T, JsonObject> f) {
        Json.Obj o = Json.ok().u32(countKey, l.count());
        if (requested != 0) {
            o.add(listKey, McdJson.list(l.items(), f));
        }
        return o.build();
    }

    static JsonObject ids(McdList<Integer> l, int requested, String countKey, String listKey) {
        Json.Obj o = Json.ok().u32(countKey, l.count());
        if (requested != 0) {
            JsonArray arr = Json.u32s(l.items());
            o.add(listKey, arr);
        }
        return o.build();
    }
}
