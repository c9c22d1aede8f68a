package dev.rewind.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * QEMU's reverse-stepi figures as written by timetravel.sh, one line per depth:
 * {@code icount median_ms min_ms max_ms n stepi_ms} (tab or space separated; '#' starts a comment).
 */
record QemuFigures(List<Row> rows) {

    record Row(long icount, Stats reverseStepi, double stepiMs) {
    }

    static QemuFigures read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length < 6) {
                throw new IOException(file + ": expected 6 fields: " + line);
            }
            try {
                rows.add(new Row(Long.parseLong(f[0]), new Stats(Integer.parseInt(f[4]), Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3])), Double.parseDouble(f[5])));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": bad number in: " + line, e);
            }
        }
        return new QemuFigures(rows);
    }

    /** The row whose depth is within 1% of {@code depth}, or null. */
    Row near(long depth) {
        for (Row r : rows) {
            if (Math.abs(r.icount - depth) <= depth / 100) {
                return r;
            }
        }
        return null;
    }
}
