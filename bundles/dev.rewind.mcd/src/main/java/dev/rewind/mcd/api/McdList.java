package dev.rewind.mcd.api;

import java.util.List;

/** The answer of an index/count query: with a requested count of 0, {@code items} is empty and {@code count} is the number of all available entries; otherwise {@code count == items.size()}. */
public record McdList<T>(int count, List<T> items) {
    public McdList {
        items = List.copyOf(items);
    }

    public static <T> McdList<T> countOnly(int total) {
        return new McdList<>(total, List.of());
    }

    /** Slice {@code all} the way the C header defines: num 0 asks for the count; start beyond the end is PARAM. */
    public static <T> McdList<T> slice(List<T> all, long startIndex, long num, String what) throws McdException {
        if (num == 0) {
            return countOnly(all.size());
        }
        if (startIndex < 0 || startIndex >= all.size()) {
            throw McdException.param(what + ": start index " + startIndex + " out of range (" + all.size() + " available)");
        }
        if (num < 0) {
            throw McdException.param(what + ": negative count");
        }
        int end = (int) Math.min(all.size(), startIndex + num);
        List<T> part = all.subList((int) startIndex, end);
        return new McdList<>(part.size(), part);
    }
}
