package dev.rewind.mcd.server;

import dev.rewind.mcd.api.CreatedTrigger;
import java.util.Map;

/** Trigger setup commands. */
final class TriggerCommands {
    private TriggerCommands() {
    }

    static void register(Map<String, Handler> m, WireState s) {
        m.put("mcd-qry-trig-info", a -> Json.ok()
                .add("trig-info", McdJson.trigInfo(s.core(a.u32("core-uid")).qryTrigInfo())).build());
        m.put("mcd-qry-ctrigs", a -> {
            int num = a.u32("num-ctrigs");
            return CoreInfoCommands.list(s.core(a.u32("core-uid")).qryCtrigs(a.u32("start-index"), num), num,
                    "num-ctrigs", "ctrig-info", McdJson::ctrigInfo);
        });
        m.put("mcd-create-trig", a -> {
            var core = s.core(a.u32("core-uid"));
            CreatedTrigger t = core.createTrig(McdJsonExt.trig(a.obj("trig")));
            return Json.ok().add("trig", McdJsonExt.trig(t.trig())).u32("trig-id", t.trigId()).build();
        });
        m.put("mcd-qry-trig", a -> Json.ok()
                .add("trig", McdJsonExt.trig(s.core(a.u32("core-uid")).qryTrig(a.u32("trig-id")))).build());
        m.put("mcd-remove-trig", a -> {
            s.core(a.u32("core-uid")).removeTrig(a.u32("trig-id"));
            return Json.ok().build();
        });
        m.put("mcd-qry-trig-state", a -> Json.ok()
                .add("trig-state", McdJson.trigState(s.core(a.u32("core-uid")).qryTrigState(a.u32("trig-id"))))
                .build());
        m.put("mcd-activate-trig-set", a -> {
            s.core(a.u32("core-uid")).activateTrigSet();
            return Json.ok().build();
        });
        m.put("mcd-remove-trig-set", a -> {
            s.core(a.u32("core-uid")).removeTrigSet();
            return Json.ok().build();
        });
        m.put("mcd-qry-trig-set", a -> {
            int num = a.u32("num-trigs");
            return CoreInfoCommands.ids(s.core(a.u32("core-uid")).qryTrigSet(a.u32("start-index"), num), num,
                    "num-trigs", "trig-ids");
        });
        m.put("mcd-qry-trig-set-state", a -> Json.ok()
                .add("trig-state", McdJson.trigSetState(s.core(a.u32("core-uid")).qryTrigSetState())).build());
    }
}
