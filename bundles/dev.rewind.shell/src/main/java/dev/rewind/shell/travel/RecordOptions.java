package dev.rewind.shell.travel;

import dev.rewind.shell.run.RunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of {@code rewind record}: those of {@code rewind run} plus the output file, bookmarks and input. */
@Command(name = "rewind record", sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs a RISC-V ELF like 'rewind run' and saves a recording that replays it bit-exactly.",
        footer = {"", "Exit code: 0 when the recording was saved (the guest's own exit code is printed), 2 for bad "
                + "input, 1 when the file cannot be written."})
final class RecordOptions {

    @Mixin
    RunOptions run;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.rwd", description = "the recording")
    Path output;

    @Option(names = "--bookmark", paramLabel = "NAME=TIME",
            description = "a bookmark: a name for virtual time TIME (repeatable)")
    List<String> bookmarks = new ArrayList<>();

    @Option(names = "--input", paramLabel = "TEXT",
            description = "console input, available to the guest from virtual time 0 (recorded)")
    String input;
}
