package dev.rewind.emulator.isa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Decoder#of}: one shared decoder per xlen, decoding as a decoder of its own does. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DecoderSharingTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void sharedDecoderIsOnePerXlenAndDecodesAsAnOwnOne(int xlen) {
        Decoder shared = Decoder.of(xlen);
        assertThat(Decoder.of(xlen)).isSameAs(shared);
        assertThat(shared.xlen()).isEqualTo(xlen);
        Decoder own = new Decoder(xlen);
        SplittableRandom r = new SplittableRandom(xlen);
        for (int i = 0; i < 200_000; i++) {
            int bits = i < 0x10000 ? i : r.nextInt();
            assertThat(shared.find(bits)).as("0x%08x", bits).isSameAs(own.find(bits));
            assertThat(shared.decode(bits)).as("0x%08x", bits).isEqualTo(own.decode(bits));
        }
    }

    @Test
    void rv32AndRv64HaveTheirOwnAndOtherWidthsAreRefused() {
        assertThat(Decoder.of(32)).isNotSameAs(Decoder.of(64));
        assertThatThrownBy(() -> Decoder.of(16)).isInstanceOf(IllegalArgumentException.class);
    }
}
