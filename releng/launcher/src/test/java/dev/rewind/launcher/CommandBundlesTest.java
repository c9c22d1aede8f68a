package dev.rewind.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The kept list of a command is written through a temporary file of its own, so that two processes never collide. */
@Timeout(60)
class CommandBundlesTest {

    @TempDir
    Path dir;

    @Test
    void aTemporaryFileOfTheFixedNameInTheWayDoesNotStopTheWrite() throws Exception {
        Path file = dir.resolve("rewind-resolved-run");
        // what another process writing at the same moment through a fixed name would hold
        Files.createDirectories(dir.resolve("rewind-resolved-run.tmp"));
        CommandBundles.write(file, "fingerprint\n\na.jar\n");
        assertThat(file).hasContent("fingerprint\n\na.jar\n");
        assertThat(temporaries()).containsExactly("rewind-resolved-run.tmp");
    }

    @Test
    void twoWritersAtOnceLeaveOneWholeListAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("rewind-resolved-run");
        String a = "fingerprint\n\n" + "a.jar\n".repeat(2000);
        String b = "fingerprint\n\n" + "b.jar\n".repeat(2000);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> writers = new ArrayList<>();
            for (String text : List.of(a, b)) {
                Callable<Void> writer = () -> {
                    for (int i = 0; i < 200; i++) {
                        together.await(10, TimeUnit.SECONDS);
                        CommandBundles.write(file, text);
                    }
                    return null;
                };
                writers.add(pool.submit(writer));
            }
            for (Future<Void> w : writers) {
                w.get(30, TimeUnit.SECONDS);   // an IOException of either writer fails here
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readString(file)).isIn(a, b);
        assertThat(temporaries()).isEmpty();
    }

    private List<String> temporaries() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
                    .collect(java.util.stream.Collectors.toList());
        }
    }
}
