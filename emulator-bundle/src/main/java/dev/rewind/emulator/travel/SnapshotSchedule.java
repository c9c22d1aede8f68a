package dev.rewind.emulator.travel;

/**
 * When the next automatic snapshot is due. A snapshot copies every page the guest wrote since the previous one into
 * history's page store: 4 KiB and, all in (the slow first store that marks the page dirty, the copy into a slab
 * whose memory is cold), ~1 us per page on a 2-core host, the cost of ~500-700 instructions. (Copy-on-write
 * arrays cost ~2.5-4 us a page: the garbage collector copied each kept page again.) So the interval follows the
 * guest's dirty-page rate: after a
 * snapshot that held {@code d} pages of its own (written since its predecessor), the next interval is
 * {@code d * PAGE_WEIGHT} instructions, kept between {@link TravelConfig#snapshotInterval()} and
 * {@link TravelConfig#maxInterval()}, and at most twice the previous interval (it grows step by step, so early history,
 * where a new machine's code is still cold in the JVM, stays dense; it shrinks at once). A guest with a small
 * working set keeps the base interval (recent history dense, reverse steps short); one that rewrites ~1000 pages
 * per interval gets the maximum, where page copying costs a bounded share of run time (with the default 3M: ~17% on
 * ttbench, which rewrites ~1000 pages in every interval; see {@link TravelConfig#DEFAULT_STRETCH}).
 *
 * <p>Deterministic: it depends only on virtual time and page counts, never on host time, so the same run keeps the
 * same history on every machine. Snapshot placement never affects execution or state hashes.
 */
final class SnapshotSchedule {

    /** Instructions of run time that one dirty page's copy is spread over (the copy costs ~1/6 of that). */
    static final long PAGE_WEIGHT = 3_000;

    private final TravelConfig config;
    private long interval;

    SnapshotSchedule(TravelConfig config) {
        this.config = config;
        this.interval = config.snapshotInterval();
    }

    /** The interval in effect: the distance from the newest snapshot to the next automatic one. */
    long interval() {
        return interval;
    }

    /** Adapts the interval after a snapshot that holds {@code ownPages} pages not shared with its predecessor. */
    void snapshotTaken(long ownPages) {
        long want = ownPages > config.maxInterval() / PAGE_WEIGHT ? config.maxInterval() : ownPages * PAGE_WEIGHT;
        long cap = Math.min(config.maxInterval(), interval > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * interval);
        interval = Math.max(config.snapshotInterval(), Math.min(cap, want));
    }

    /** Virtual time at which the next automatic snapshot is due after one at {@code last}. */
    long due(long last) {
        return last > Long.MAX_VALUE - interval ? Long.MAX_VALUE : last + interval;
    }
}
