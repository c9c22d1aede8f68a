package dev.rewind.mcd.server;

import dev.rewind.mcd.api.StepType;
import java.util.Map;

/** Transaction lists, execution control, state, commands and reset. */
final class ExecCommands {
    /** Longest result string returned by mcd-execute-command. */
    static final int MAX_RESULT_STRING = 16 * 1024;

    private ExecCommands() {
    }

    static void register(Map<String, Handler> m, WireState s) {
        m.put("mcd-execute-txlist", a -> {
            var core = s.core(a.u32("core-uid"));
            return Json.ok().add("txlist", McdJsonExt.txlist(core.executeTxlist(McdJsonExt.txlist(a.obj("txlist")))))
                    .build();
        });
        m.put("mcd-run", a -> {
            s.core(a.u32("core-uid")).run(a.bool("global"));
            return Json.ok().build();
        });
        m.put("mcd-stop", a -> {
            s.core(a.u32("core-uid")).stop(a.bool("global"));
            return Json.ok().build();
        });
        m.put("mcd-run-until", a -> {
            s.core(a.u32("core-uid")).runUntil(a.bool("global"), a.bool("absolute-time"), a.u64("run-until-time"));
            return Json.ok().build();
        });
        m.put("mcd-qry-current-time", a -> Json.ok()
                .u64("current-time", s.core(a.u32("core-uid")).qryCurrentTime()).build());
        m.put("mcd-step", a -> {
            var core = s.core(a.u32("core-uid"));
            core.step(a.bool("global"), StepType.of(Integer.toUnsignedLong(a.u32("step-type"))), a.u32("n-steps"));
            return Json.ok().build();
        });
        m.put("mcd-set-global", a -> {
            s.core(a.u32("core-uid")).setGlobal(a.bool("enable"));
            return Json.ok().build();
        });
        m.put("mcd-qry-state", a -> Json.ok()
                .add("state", McdJson.coreState(s.core(a.u32("core-uid")).qryState())).build());
        m.put("mcd-execute-command", a -> {
            var core = s.core(a.u32("core-uid"));
            String result = core.executeCommand(a.str("command-string"));
            int max = Math.min(a.u32("result-string-size", MAX_RESULT_STRING) & 0x7fff_ffff, MAX_RESULT_STRING);
            if (result.length() > max) {
                result = result.substring(0, max);
            }
            return Json.ok().str("result-string", result).build();
        });
        m.put("mcd-qry-rst-classes", a -> Json.ok()
                .u32("rst-class-vector", s.core(a.u32("core-uid")).qryRstClasses()).build());
        m.put("mcd-qry-rst-class-info", a -> Json.ok()
                .add("rst-info", McdJson.rstInfo(s.core(a.u32("core-uid")).qryRstClassInfo(a.u8("rst-class"))))
                .build());
        m.put("mcd-rst", a -> {
            s.core(a.u32("core-uid")).rst(a.u32("rst-class-vector"), a.bool("rst-and-halt"));
            return Json.ok().build();
        });
    }
}
