package dev.rewind.bench;

import java.util.Arrays;

/** Median, minimum and maximum of a set of measurements (milliseconds or any unit). */
public record Stats(int n, double median, double min, double max) {

    public static Stats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        double median = v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
        return new Stats(v.length, median, v[0], v[v.length - 1]);
    }

    /** "median (min..max)" with the given number of decimals. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(f + " (" + f + ".." + f + ")", median, min, max);
    }
}
