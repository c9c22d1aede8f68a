package dev.rewind.mcd.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.timetravel.TimeTravel;
import java.util.Map;

/** Rewind's time-travel commands ({@code rewind-…}), over the TimeTravel extension. */
final class TimeTravelWireCommands {
    private TimeTravelWireCommands() {
    }

    static void register(Map<String, Handler> m, WireState s) {
        m.put("rewind-reverse-step", a -> stop(tt(s, a).reverseStep(a.u32("n-steps", 1))));
        m.put("rewind-reverse-continue", a -> stop(tt(s, a).reverseContinue()));
        m.put("rewind-reverse-to-write", a -> stop(tt(s, a).reverseToLastWrite(a.u64("address"), a.u64("length", 4))));
        m.put("rewind-goto-time", a -> stop(tt(s, a).goToTime(a.u64("time"))));
        m.put("rewind-bookmark-add", a -> {
            TimeTravel.Bookmark b = tt(s, a).addBookmark(a.str("name"));
            return Json.ok().str("name", b.name()).u64("time", b.time()).build();
        });
        m.put("rewind-bookmark-goto", a -> stop(tt(s, a).goToBookmark(a.str("name"))));
        m.put("rewind-bookmark-delete", a -> {
            tt(s, a).deleteBookmark(a.str("name"));
            return Json.ok().build();
        });
        m.put("rewind-bookmark-list", a -> {
            JsonArray arr = new JsonArray();
            for (TimeTravel.Bookmark b : tt(s, a).bookmarks()) {
                arr.add(Json.obj().str("name", b.name()).u64("time", b.time()).build());
            }
            return Json.ok().u32("num-bookmarks", arr.size()).add("bookmarks", arr).build();
        });
        m.put("rewind-save-recording", a -> {
            String path = a.str("path");
            java.nio.file.Path file;
            try {
                file = java.nio.file.Path.of(path);
            } catch (java.nio.file.InvalidPathException e) {
                throw McdException.param("not a file name: " + path);
            }
            long end = tt(s, a).saveRecording(file);
            return Json.ok().str("path", path).u64("end-time", end).build();
        });
        m.put("rewind-qry-history", a -> {
            TimeTravel t = tt(s, a);
            return Json.ok().bool("available", t.available()).u64("earliest-time", t.earliestTime()).build();
        });
    }

    private static TimeTravel tt(WireState s, Args a) throws QmpError, McdException {
        McdCore core = s.core(a.u32("core-uid"));
        return core.adapt(TimeTravel.class).orElseThrow(
                () -> new McdException(McdErrorCode.FN_UNIMPLEMENTED, "time travel is not available on this core"));
    }

    private static JsonObject stop(TimeTravel.StopInfo i) {
        return Json.ok().u64("time", i.time()).u32("hw-thread-id", i.hart()).u32("trig-id", i.trigId())
                .str("reason", i.reason()).build();
    }
}
