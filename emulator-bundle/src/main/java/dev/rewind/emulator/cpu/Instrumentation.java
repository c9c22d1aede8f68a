package dev.rewind.emulator.cpu;

/**
 * The instrumentation attach point: called once per block when it is translated (decoded), on the
 * thread running the machine. The callback may inspect the block and attach {@link BlockExecCallback}s
 * that run every time the block is entered. Registering or removing an instrumentation flushes all
 * decoded blocks so that every block is translated again. API version {@value #API_VERSION}.
 */
@FunctionalInterface
public interface Instrumentation {
    int API_VERSION = 1;

    void onTranslate(TranslatedBlock block);
}
