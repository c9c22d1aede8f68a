package dev.rewind.eclipse.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;

/** Bounded display-loop waits, widget searches and screenshots for tests that run on the UI thread. */
final class Ui {

    private Ui() {
    }

    static Display display() {
        return Display.getCurrent();
    }

    /** Runs the event loop until {@code condition} holds; fails after {@code timeout}. */
    static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        waitFor(what, timeout, condition, () -> "");
    }

    /** As {@link #waitFor(String, Duration, BooleanSupplier)}, the failure saying what {@code state} says then. */
    static void waitFor(String what, Duration timeout, BooleanSupplier condition,
            java.util.function.Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; " + state.get());
            }
            spin(10);
        }
    }

    /** Runs the event loop for about {@code millis}. */
    static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        Display d = display();
        do {
            while (d.readAndDispatch()) {
                // dispatch everything queued
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (System.nanoTime() < end);
    }

    /** The texts of every created item of the trees under a widget. */
    static List<String> treeTexts(Widget root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Widget w, List<String> out) {
        if (w instanceof Tree t) {
            for (TreeItem i : t.getItems()) {
                item(i, out);
            }
        } else if (w instanceof org.eclipse.swt.widgets.Composite c) {
            for (var child : c.getChildren()) {
                collect(child, out);
            }
        }
    }

    private static void item(TreeItem i, List<String> out) {
        if (i.isDisposed()) {
            return;
        }
        out.add(i.getText());
        for (TreeItem c : i.getItems()) {
            item(c, out);
        }
    }

    /** Saves a PNG of the shell (taken with an SWT GC) under the screenshots folder. */
    static Path screenshot(Shell shell, String name) throws Exception {
        Path dir = Path.of(System.getProperty("rewind.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Display d = shell.getDisplay();
        spin(200);
        Rectangle b = shell.getBounds();
        Image image = new Image(d, b.width, b.height);
        GC gc = new GC(d);
        try {
            gc.copyArea(image, b.x, b.y);
        } finally {
            gc.dispose();
        }
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            Path file = dir.resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            image.dispose();
        }
    }

    static Path root() {
        return new File(System.getProperty("rewind.root", "../..")).toPath().toAbsolutePath().normalize();
    }
}
