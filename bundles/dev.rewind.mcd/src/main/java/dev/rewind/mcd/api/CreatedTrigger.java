package dev.rewind.mcd.api;

/** Result of mcd_create_trig_f: the trigger ID and the trigger as created (modified set if the implementation changed it). */
public record CreatedTrigger(int trigId, Trigger trig) {
}
