package org.storygraph.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.storygraph.cli.Command;
import org.storygraph.common.Json;

/**
 * {@code storygraph load PATH... [--json]}: loads files and directories, prints progress on stderr and the report on
 * stdout; exits 1 when any file failed.
 */
@Component
class LoadCommand implements Command {

    private final IngestService ingest;
    private final Json json;

    LoadCommand(IngestService ingest, Json json) {
        this.ingest = ingest;
        this.json = json;
    }

    @Override
    public String name() {
        return "load";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean asJson = args.contains("--json");
        List<Path> paths = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                if (!arg.equals("--json")) {
                    err.println("load: unknown option " + arg);
                    return 2;
                }
                continue;
            }
            paths.add(Path.of(arg));
        }
        if (paths.isEmpty()) {
            err.println("usage: storygraph load PATH... [--json]");
            return 2;
        }
        LoadReport report = ingest.load(paths, new LoadProgress.Throttled(2_000) {
            @Override
            protected void print(String line) {
                err.println(line);
            }
        });
        out.print(asJson ? json.write(report) + System.lineSeparator() : report.summary());
        return report.hasFailures() ? 1 : 0;
    }
}
