package dev.rewind.dap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The answers kept about one stop: gone when the machine moves or a request may write, never kept from before. */
@Timeout(10)
class HandlesAnswersTest {

    @Test
    void anAnswerLastsUntilTheMachineMoves() {
        Handles h = new Handles();
        int frame = h.put("frame");
        h.keep("stackTrace 0", h.generation(), "frames");
        assertThat(h.answer("stackTrace 0", String.class)).isEqualTo("frames");
        assertThat(h.answer("stackTrace 0", Integer.class)).as("another type is no answer").isNull();
        h.reset();
        assertThat(h.answer("stackTrace 0", String.class)).isNull();
        assertThat(h.get(frame, String.class)).isNull();
    }

    @Test
    void forgettingTheAnswersKeepsTheIds() {
        Handles h = new Handles();
        int frame = h.put("frame");
        h.keep("variables 1", h.generation(), "values");
        h.forgetAnswers();
        assertThat(h.answer("variables 1", String.class)).isNull();
        assertThat(h.get(frame, String.class)).isEqualTo("frame");
    }

    @Test
    void anAnswerComputedWhileTheMachineMovedIsNotKept() {
        Handles h = new Handles();
        long started = h.generation();
        h.reset(); // the machine moved while the answer was computed
        h.keep("stackTrace 0", started, "stale frames");
        assertThat(h.answer("stackTrace 0", String.class)).isNull();
    }

    @Test
    void aPendingAnswerIsReplacedOnlyIfStillThere() {
        Handles h = new Handles();
        Object pending = new Object();
        h.keep("stackTrace 1", h.generation(), pending);
        h.replace("stackTrace 1", pending, "frames");
        assertThat(h.answer("stackTrace 1", String.class)).isEqualTo("frames");
        Object late = new Object();
        h.forgetAnswers();
        h.replace("stackTrace 1", late, "stale");
        assertThat(h.answer("stackTrace 1", String.class)).isNull();
    }
}
