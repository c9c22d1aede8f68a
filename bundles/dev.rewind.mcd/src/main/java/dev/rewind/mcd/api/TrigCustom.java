package dev.rewind.mcd.api;

import java.util.List;

/** mcd_trig_custom_st (four custom arguments). */
public record TrigCustom(int type, int option, int action, int actionParam, boolean modified, int stateMask,
        int ctrigId, List<Integer> ctrigArgs) implements Trigger {
    public TrigCustom {
        ctrigArgs = List.copyOf(ctrigArgs);
    }
}
