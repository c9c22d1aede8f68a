package dev.rewind.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.trace.export.HtmlExport;
import java.awt.image.BufferedImage;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTML timeline of the 4-hart demo renders in headless Chromium (Debian's {@code chromium}): the screenshot,
 * kept in {@code target/trace-artifacts/}, shows the producers' {@code hart_main} bars (their colour, in every
 * producer lane).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HtmlScreenshotTest {

    @Test
    void theTimelineRendersInHeadlessChromium() throws Exception {
        Path dir = Path.of("target/trace-artifacts").toAbsolutePath();
        Files.createDirectories(dir);
        Path html = dir.resolve("demo-timeline.html");
        Path png = dir.resolve("demo-timeline.png");
        Files.deleteIfExists(png);
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            HtmlExport.write(ExportTest.demoTrace(), w);
        }
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,700", "--screenshot=" + png, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        } finally {
            p.destroyForcibly();
            try (var files = Files.walk(profile)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        assertThat(png).exists();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1400);
        int[] rowsWithBars = new int[img.getHeight()];
        long orange = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb == 0xF28E2B) {
                    orange++;
                    rowsWithBars[y] = 1;
                }
            }
        }
        int bands = 0;
        for (int y = 1; y < rowsWithBars.length; y++) {
            bands += rowsWithBars[y] == 1 && rowsWithBars[y - 1] == 0 ? 1 : 0;
        }
        assertThat(orange).as("pixels of hart_main bars").isGreaterThan(10_000);
        assertThat(bands).as("separate bands of hart_main bars: one per producer hart, at least").isGreaterThanOrEqualTo(3);
    }
}
