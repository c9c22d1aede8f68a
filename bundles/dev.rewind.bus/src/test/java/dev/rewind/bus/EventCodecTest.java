package dev.rewind.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    enum Reason { BREAKPOINT, EXITED }

    @Topic("dev/rewind/test/stopped")
    record Stopped(int hart, long time, Reason reason, String note, boolean global) {
    }

    @Topic("dev/rewind/test/")
    record BadTopic(int x) {
    }

    record NoTopic(int x) {
    }

    @Test
    void roundTripsRecordThroughProperties() {
        Stopped event = new Stopped(3, 1_000_000_000_000L, Reason.BREAKPOINT, "at main", true);
        Map<String, Object> props = EventCodec.toProperties(event);
        assertThat(props).containsEntry("hart", 3).containsEntry("reason", "BREAKPOINT").containsEntry("global", true);
        assertThat(EventCodec.fromProperties(Stopped.class, props)).isEqualTo(event);
    }

    @Test
    void missingPropertiesBecomeDefaults() {
        assertThat(EventCodec.fromProperties(Stopped.class, Map.of("hart", 1)))
                .isEqualTo(new Stopped(1, 0, null, null, false));
    }

    @Test
    void wrongPropertyTypeIsReportedByName() {
        assertThatThrownBy(() -> EventCodec.fromProperties(Stopped.class, Map.of("hart", "one")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'hart'");
    }

    @Test
    void topicsAreChecked() {
        assertThat(EventCodec.topicOf(Stopped.class)).isEqualTo("dev/rewind/test/stopped");
        assertThatThrownBy(() -> EventCodec.topicOf(BadTopic.class)).hasMessageContaining("dev/rewind/");
        assertThatThrownBy(() -> EventCodec.topicOf(NoTopic.class)).hasMessageContaining("no @Topic");
    }
}
