/**
 * Time travel over the engine: a {@link dev.rewind.emulator.travel.TimeMachine} wraps a
 * {@link dev.rewind.emulator.Machine} and keeps a history of snapshots that share unchanged pages (taken every
 * {@link dev.rewind.emulator.travel.TravelConfig#snapshotInterval()} instructions of virtual time, thinned as they
 * age to stay within a memory budget). Reverse execution restores the nearest earlier snapshot and replays
 * deterministically, so the cost of any reverse operation is bounded by the snapshot interval, not by the
 * length of history. Bookmarks name points in time; {@link dev.rewind.emulator.travel.Recording}s store what is
 * needed to replay a run bit-exactly elsewhere.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.rewind.emulator.travel;
