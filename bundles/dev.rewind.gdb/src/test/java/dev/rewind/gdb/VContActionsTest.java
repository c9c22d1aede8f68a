package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.debug.RunScope;
import dev.rewind.gdb.rsp.ProtocolException;
import org.junit.jupiter.api.Test;

/** vCont resolved per thread: the leftmost action naming a thread applies, threads without one are held. */
class VContActionsTest {

    @Test
    void threadsWithoutAnActionAreHeld() {
        // scheduler-locking off: step thread 2, the others continue
        VContActions off = VContActions.parse("s:2;c", 0, 4);
        assertThat(off.stepHart()).isEqualTo(1);
        assertThat(off.scope()).isEqualTo(RunScope.ALL);
        // scheduler-locking on: thread 2 alone
        VContActions on = VContActions.parse("s:2", 0, 4);
        assertThat(on.stepHart()).isEqualTo(1);
        assertThat(on.scope()).isEqualTo(RunScope.only(1));
        VContActions c = VContActions.parse("c:3", 0, 4);
        assertThat(c.stepHart()).isEqualTo(-1);
        assertThat(c.scope()).isEqualTo(RunScope.only(2));
        assertThat(VContActions.parse("c", 0, 4).scope()).isEqualTo(RunScope.ALL);
        assertThat(VContActions.parse("c:p1.-1", 0, 4).scope()).isEqualTo(RunScope.ALL);
        // a range step of thread 4 while thread 1 continues: threads 2 and 3 held
        VContActions r = VContActions.parse("r80000000,80000010:4;c:1", 0, 4);
        assertThat(r.stepHart()).isEqualTo(3);
        assertThat(r.range()).containsExactly(0x80000000L, 0x80000010L);
        assertThat(r.scope().harts()).isEqualTo(0b1001);
        // the leftmost action for a thread wins; a step without a thread steps the default hart, all harts move
        assertThat(VContActions.parse("c:2;s:2", 0, 4).stepHart()).isEqualTo(-1);
        VContActions s = VContActions.parse("s", 2, 4);
        assertThat(s.stepHart()).isEqualTo(2);
        assertThat(s.scope()).isEqualTo(RunScope.ALL);
    }

    @Test
    void badPacketsAreRefusedClearly() {
        assertThatThrownBy(() -> VContActions.parse("", 0, 4)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("without an action");
        assertThatThrownBy(() -> VContActions.parse("s:9", 0, 4)).hasMessageContaining("no thread 9");
        assertThatThrownBy(() -> VContActions.parse("t:1", 0, 4)).hasMessageContaining("non-stop");
        assertThatThrownBy(() -> VContActions.parse("r1:1", 0, 4)).hasMessageContaining("start,end");
        assertThatThrownBy(() -> VContActions.parse("q", 0, 4)).hasMessageContaining("unknown vCont action");
        assertThatThrownBy(() -> VContActions.parse(":1", 0, 4)).isInstanceOf(ProtocolException.class);
    }
}
