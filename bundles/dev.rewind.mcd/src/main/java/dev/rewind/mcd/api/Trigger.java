package dev.rewind.mcd.api;

/**
 * A trigger as passed to mcd_create_trig_f / returned by mcd_qry_trig_f (the C API's
 * {@code void *trig}): one of the five standard trigger structures. {@link #type()} is a
 * {@link TrigType} bit, {@link #option()} a {@link TrigOption} mask, {@link #action()} one
 * {@link TrigAction} bit.
 */
public sealed interface Trigger permits TrigSimpleCore, TrigComplexCore, TrigBus, TrigCounter, TrigCustom {
    int type();

    int option();

    int action();

    int actionParam();

    boolean modified();

    int stateMask();
}
