package dev.rewind.mcd.server;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.travel.Recording;
import dev.rewind.mcd.api.McdApi;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.backend.McdBackend;

/**
 * Builds the MCD session a wire server switches to for {@code rewind-open-recording}: the recording opened on
 * its program ({@code image}, already loaded from the file the client named or the recorded path).
 */
@FunctionalInterface
public interface SessionOpener {

    /**
     * @throws McdException      PARAM if {@code image} is not the recorded program
     * @throws RuntimeException  with a message if the recording cannot be opened (its replay diverges)
     */
    McdApi open(Recording recording, ElfImage image) throws McdException;

    /** The Rewind back end with its defaults ({@link McdBackend#fromRecording}). */
    static SessionOpener rewind() {
        return (rec, image) -> McdBackend.fromRecording(rec, image).build();
    }
}
