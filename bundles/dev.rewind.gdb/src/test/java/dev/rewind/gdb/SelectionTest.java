package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hart a thread-less resume ({@code Hc0} + {@code bs}) moves, from the packets gdb sent before it. */
@Timeout(10)
class SelectionTest {

    @Test
    void theStopThenThreadCommandsThenFrameReadsSelect() {
        Selection s = new Selection(4, 1);
        assertThat(s.runHart()).isEqualTo(1);
        s.alive(2);                       // thread 3
        s.general(2);
        s.otherPacket();                  // g
        assertThat(s.runHart()).isEqualTo(2);
        s.general(0);                     // info threads reads the others
        s.otherPacket();
        s.general(3);
        s.otherPacket();
        assertThat(s.runHart()).isEqualTo(2);
        s.general(2);                     // reverse-stepi: Hg3, m (frame of the selected thread), Hc0, bs
        s.forContinue(-1);
        assertThat(s.runHart()).isEqualTo(2);
        s.stopped(0);                     // a stop elsewhere: gdb switches to it
        assertThat(s.runHart()).isEqualTo(0);
    }

    @Test
    void threadApplyAllVisitsEveryThreadAndChangesNothing() {
        Selection s = new Selection(4, 0);
        s.alive(2);
        for (int h = 3; h >= 0; h--) {    // T4 T3 T2 T1
            s.alive(h);
            s.general(h);
            s.otherPacket();
        }
        assertThat(s.runHart()).isEqualTo(2);
        for (int h = 0; h < 4; h++) {     // thread apply all -ascending
            s.alive(h);
        }
        assertThat(s.runHart()).isEqualTo(2);
        s.alive(1);                       // then a real selection
        assertThat(s.runHart()).isEqualTo(1);
    }

    @Test
    void schedulerLockingNamesTheThreadOutright() {
        Selection s = new Selection(2, 0);
        s.forContinue(1);
        assertThat(s.runHart()).isEqualTo(1);
        s.forContinue(-1);
        assertThat(s.runHart()).isZero();
    }
}
