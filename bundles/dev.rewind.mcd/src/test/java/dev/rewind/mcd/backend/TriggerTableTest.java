package dev.rewind.mcd.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.mcd.api.*;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trigger table alone: ownership, arming by reference count, matching, limits and validation. */
class TriggerTableTest {
    final List<String> armed = new ArrayList<>();
    final TriggerTable table = new TriggerTable(new TriggerTable.Arming() {
        @Override
        public void breakpoint(long pc, boolean on) {
            armed.add((on ? "+bp " : "-bp ") + Long.toHexString(pc));
        }

        @Override
        public void watchpoint(long addr, long len, int kind, boolean on) {
            armed.add((on ? "+wp " : "-wp ") + Long.toHexString(addr) + "/" + len + "/" + kind);
        }
    }, 2, 1);

    static TrigComplexCore complex(TrigType type, int option, long addr, long range, long data, long mask, int hart) {
        return new TrigComplexCore(type.bit(), option, 1, 0, false, 0, Addr.of(1, addr), range, data, 0, mask, 0, hart,
                0, 0);
    }

    @Test
    void sharedEngineBreakpointsAreReferenceCounted() throws Exception {
        TriggerTable.Entry a = table.create(0, TrigSimpleCore.breakpoint(1, 0x100));
        TriggerTable.Entry b = table.create(2, TrigSimpleCore.breakpoint(1, 0x100));
        assertThat(armed).containsExactly("+bp 100");
        assertThat(table.matchExecution(0, 0x100)).containsExactly(a);
        assertThat(table.matchExecution(2, 0x100)).containsExactly(b);
        assertThat(table.matchExecution(1, 0x100)).isEmpty(); // nobody's trigger for hart 1
        assertThatThrownBy(() -> table.remove(0, b.id)).isInstanceOfSatisfying(McdException.class,
                e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.TRIG_ACCESS));
        table.remove(0, a.id);
        assertThat(armed).containsExactly("+bp 100");
        table.removeAll(2);
        assertThat(armed).containsExactly("+bp 100", "-bp 100");
        assertThat(table.all()).isEmpty();
    }

    @Test
    void watchpointsMatchKindRangeDataAndHart() throws Exception {
        TriggerTable.Entry w = table.create(1, TrigSimpleCore.watchpoint(TrigType.WRITE, 1, 0x2000, 8));
        assertThat(armed).containsExactly("+wp 2000/8/2");
        assertThat(table.matchAccess(1, 0x2006, 4, 0, TriggerTable.WATCH_WRITE)).containsExactly(w); // overlaps end
        assertThat(table.matchAccess(1, 0x1ffe, 2, 0, TriggerTable.WATCH_WRITE)).isEmpty();
        assertThat(table.matchAccess(1, 0x2000, 4, 0, TriggerTable.WATCH_READ)).isEmpty();
        assertThat(table.matchAccess(0, 0x2000, 4, 0, TriggerTable.WATCH_WRITE)).isEmpty();
        TriggerTable.Entry d = table.create(1, complex(TrigType.RW, TrigOption.DATA_IS_CONDITION.bit(), 0x3000, 3,
                0x42, 0xFF00, 0));
        assertThat(table.matchAccess(1, 0x3000, 4, 0x1142, TriggerTable.WATCH_READ)).containsExactly(d); // masked
        assertThat(table.matchAccess(1, 0x3000, 4, 0x43, TriggerTable.WATCH_READ)).isEmpty();
        assertThat(table.singleStoppingHart()).isEqualTo(1);
        // hardware limit per hart: 2 (both watchpoints of hart 1)
        assertThatThrownBy(() -> table.create(1, TrigSimpleCore.watchpoint(TrigType.READ, 1, 0x4000, 4)))
                .isInstanceOfSatisfying(McdException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(McdErrorCode.TRIG_CREATE));
        table.create(0, TrigSimpleCore.watchpoint(TrigType.READ, 1, 0x4000, 4));
        assertThat(table.singleStoppingHart()).isEqualTo(-1);
    }

    @Test
    void hartConditionsCaptureOnlyAndValidation() throws Exception {
        TriggerTable.Entry other = table.create(0, complex(TrigType.IP, TrigOption.HW_THREAD_IS_CONDITION.bit(), 0x500,
                0, 0, 0, 3));
        assertThat(table.matchExecution(3, 0x500)).containsExactly(other);
        assertThat(table.matchExecution(0, 0x500)).isEmpty();
        TriggerTable.Entry notThree = table.create(0, complex(TrigType.IP, McdFlag.mask(
                TrigOption.HW_THREAD_IS_CONDITION, TrigOption.NOT_HW_THREAD), 0x600, 0, 0, 0, 3));
        assertThat(table.matchExecution(1, 0x600)).containsExactly(notThree);
        assertThat(table.matchExecution(3, 0x600)).isEmpty();
        TriggerTable.Entry capture = table.create(2, new TrigSimpleCore(TrigType.IP.bit(), 0, 0, 0, false, 0,
                Addr.of(1, 0x700), 0));
        TriggerTable.Entry stop = table.create(2, TrigSimpleCore.breakpoint(1, 0x700));
        assertThat(TriggerTable.stopping(table.matchExecution(2, 0x700))).isSameAs(stop);
        assertThat(capture.stops()).isFalse();
        assertThatThrownBy(() -> table.create(0, new TrigCustom(0, 0, 1, 0, false, 0, 1, List.of()))).isInstanceOf(McdException.class);
        assertThatThrownBy(() -> table.create(0, new TrigSimpleCore(TrigType.IP.bit() | TrigType.READ.bit(), 0, 1, 0,
                false, 0, Addr.of(1, 0), 0))).isInstanceOf(McdException.class);
        assertThatThrownBy(() -> table.create(0, new TrigSimpleCore(TrigType.IP.bit(), TrigOption.SIGNED_DATA.bit(),
                1, 0, false, 0, Addr.of(1, 0), 0))).isInstanceOf(McdException.class);
        assertThatThrownBy(() -> table.create(0, new TrigSimpleCore(TrigType.IP.bit(), 0, TrigAction.TRACE_START.bit(),
                0, false, 0, Addr.of(1, 0), 0))).isInstanceOf(McdException.class);
        assertThatThrownBy(() -> table.get(0, 999)).isInstanceOf(McdException.class);
    }
}
