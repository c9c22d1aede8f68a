package dev.rewind.emulator.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Changing state in the past starts a new future; bookmarks are named, renamed, described, deleted, visited. */
class NewFutureTest {

    static final int HARTS = 2;
    static final MachineConfig CFG = new MachineConfig(32, HARTS, 1 << 20, 5);
    static final RandomProgram PROG = new RandomProgram(32, HARTS, 30, 77);

    @Test
    void writingARegisterInThePastDiscardsTheOldFuture() {
        Reference before = new Reference(() -> PROG.boot(CFG), 20_000);
        long change = 8_000;
        long newEnd = 14_000;
        Machine changed = PROG.boot(CFG);
        changed.runUntilTime(change);
        changed.hart(1).setReg(9, 0x1234_5678L);
        long[] afterHash = new long[(int) (newEnd - change) + 1];
        for (int i = 0; i < afterHash.length; i++) {
            changed.runUntilTime(change + i);
            afterHash[i] = changed.stateHash();
        }

        TimeMachine tm = new TimeMachine(PROG.boot(CFG), TravelConfig.defaults().withInterval(1_000));
        tm.goToTime(3_000);
        tm.addBookmark("early", "before the change");
        tm.goToTime(20_000);
        tm.addBookmark("late", "in the old future");
        tm.goToTime(change);
        assertThat(tm.inPast()).isTrue();

        FutureChange fc = tm.setRegister(1, 9, 0x1234_5678L);
        assertThat(fc.discarded()).isTrue();
        assertThat(fc.time()).isEqualTo(change);
        assertThat(fc.oldNewestTime()).isEqualTo(20_000);
        assertThat(fc.droppedBookmarks()).extracting(Bookmark::name).containsExactly("late");
        assertThat(tm.bookmarks()).extracting(Bookmark::name).containsExactly("early");
        assertThat(tm.newestTime()).isEqualTo(change);
        assertThat(tm.inPast()).isFalse();

        tm.goToTime(newEnd);
        assertThat(tm.machine().stateHash()).isEqualTo(afterHash[(int) (newEnd - change)]);
        Random rnd = new Random(5);
        for (int i = 0; i < 300; i++) {
            long t = rnd.nextLong(newEnd + 1);
            if (i % 3 == 0) {
                int h = rnd.nextInt(HARTS);
                tm.reverseStep(h);
            } else {
                tm.goToTime(t);
            }
            long now = tm.time();
            long expected = now < change ? before.hash[(int) now] : afterHash[(int) (now - change)];
            if (now == change && i % 3 == 0) {
                // a reverse step may land on the pre-change state at the change time: both are that time
                assertThat(tm.machine().stateHash()).isIn(before.hash[(int) now], afterHash[0]);
            } else {
                assertThat(tm.machine().stateHash()).as("at %d", now).isEqualTo(expected);
            }
        }
        assertThat(tm.goToBookmark("early").time()).isEqualTo(3_000);
        assertThat(tm.machine().stateHash()).isEqualTo(before.hash[3_000]);

        tm.goToTime(newEnd);
        FutureChange atFrontier = tm.writeMemory(RandomProgram.DATA, new byte[] {1, 2, 3}, 0, 3);
        assertThat(atFrontier.discarded()).isFalse();
        assertThat(atFrontier.droppedBookmarks()).isEmpty();
        long hash = tm.machine().stateHash();
        tm.run(3_000);
        tm.goToTime(newEnd);
        assertThat(tm.machine().stateHash()).as("the change is part of history").isEqualTo(hash);
    }

    @Test
    void bookmarksAreNamedRenamedDescribedAndDeleted() {
        TimeMachine tm = new TimeMachine(PROG.boot(CFG), TravelConfig.defaults().withInterval(2_000));
        tm.run(5_000);
        long h5 = tm.machine().stateHash();
        tm.addBookmark("five", "");
        tm.run(2_500);
        tm.addBookmark("seven", "seven and a half");
        tm.addBookmarkAt("one", "from a recording", 1_000);
        assertThat(tm.bookmarks()).extracting(Bookmark::name).containsExactly("one", "five", "seven");
        assertThat(tm.renameBookmark("five", "fuenf").time()).isEqualTo(5_000);
        assertThatThrownBy(() -> tm.renameBookmark("fuenf", "seven")).hasMessageContaining("exists already");
        assertThatThrownBy(() -> tm.renameBookmark("nope", "x")).hasMessageContaining("no bookmark named 'nope'");
        assertThatThrownBy(() -> tm.addBookmark("two words", "")).hasMessageContaining("one non-empty word");
        assertThat(tm.describeBookmark("fuenf", "five thousand").description()).isEqualTo("five thousand");
        assertThat(tm.bookmark("seven")).get().extracting(Bookmark::description).isEqualTo("seven and a half");
        tm.goToTime(0);
        assertThat(tm.goToBookmark("fuenf").kind()).isEqualTo(TravelResult.Kind.ARRIVED);
        assertThat(tm.time()).isEqualTo(5_000);
        assertThat(tm.machine().stateHash()).isEqualTo(h5);
        tm.deleteBookmark("fuenf");
        assertThatThrownBy(() -> tm.goToBookmark("fuenf")).isInstanceOf(IllegalArgumentException.class);
        assertThat(tm.bookmarks()).extracting(Bookmark::name).containsExactly("one", "seven");
        assertThat(tm.stats().pinned()).as("start + the seven bookmark").isEqualTo(2);
        long pinned = tm.pinSnapshot();
        assertThat(tm.stats().pinned()).isEqualTo(3);
        assertThat(tm.unpinSnapshot(pinned)).isTrue();
        assertThat(tm.unpinSnapshot(pinned)).isFalse();
        assertThatThrownBy(() -> tm.goToTime(-1)).hasMessageContaining("before the earliest");
    }

    @Test
    void historyStaysWithinItsBudgetAndStillReachesEveryTime() {
        Reference ref = new Reference(() -> PROG.boot(CFG), 40_000);
        TravelConfig tight = TravelConfig.defaults().withInterval(500).withBudget(40 * 4096 + 20 * 6000L);
        TimeMachine tm = new TimeMachine(PROG.boot(CFG), tight);
        tm.run(40_000);
        HistoryStats st = tm.stats();
        assertThat(st.bytes()).isLessThanOrEqualTo(st.budget());
        assertThat(st.snapshots()).isLessThan(80).isGreaterThan(3);
        assertThat(st.earliestTime()).isZero();
        assertThat(st.newestTime()).isEqualTo(40_000);
        for (long t = 40_000; t >= 0; t -= 3_217) {
            tm.goToTime(t);
            assertThat(tm.machine().stateHash()).isEqualTo(ref.hash[(int) t]);
        }
    }

    @Test
    void replayingForwardFromBeforeAChangeCrossesItAsTheChangeLeftTheMachine() {
        TimeMachine tm = new TimeMachine(PROG.boot(CFG), TravelConfig.defaults().withInterval(1_000));
        tm.goToTime(8_000);
        tm.setRegister(1, 9, 0x1234_5678L);
        tm.goToTime(14_000);
        long atEnd = tm.machine().stateHash();
        tm.goToTime(5_000);
        tm.runUntilTime(14_000);
        assertThat(tm.machine().stateHash()).as("run forward through the change").isEqualTo(atEnd);
        tm.goToTime(5_000);
        while (tm.time() < 8_000) {
            tm.stepHart(1);
        }
        long steppedTo = tm.time();
        long stepped = tm.machine().stateHash();
        tm.goToTime(14_000);
        tm.goToTime(steppedTo);
        assertThat(stepped).as("stepped across the change").isEqualTo(tm.machine().stateHash());
        tm.goToTime(5_000);
        tm.runUntilTime(14_000);
        assertThat(tm.machine().stateHash()).isEqualTo(atEnd);
    }
}
