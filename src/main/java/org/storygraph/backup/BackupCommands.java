package org.storygraph.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.storygraph.cli.Command;

/**
 * {@code storygraph export-graph [--out FILE]}, {@code storygraph import-graph FILE} and
 * {@code storygraph checksum}: back up the whole graph as JSON lines, restore it into an empty database, and print
 * the order-independent checksum both sides must agree on.
 */
@Configuration(proxyBeanMethods = false)
class BackupCommands {

    @Bean
    Command exportGraphCommand(GraphDump dump) {
        return new Command() {
            @Override
            public String name() {
                return "export-graph";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                if (!(args.isEmpty() || (args.size() == 2 && args.get(0).equals("--out")))) {
                    err.println("usage: storygraph export-graph [--out FILE]");
                    return 2;
                }
                try {
                    GraphChecksum.Result result;
                    if (args.isEmpty()) {
                        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                        result = dump.export(w);
                    } else {
                        Path file = Path.of(args.get(1));
                        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                            result = dump.export(w);
                        }
                    }
                    err.println("export-graph: checksum " + result);
                    return 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Bean
    Command importGraphCommand(GraphDump dump) {
        return new Command() {
            @Override
            public String name() {
                return "import-graph";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                if (args.size() != 1) {
                    err.println("usage: storygraph import-graph FILE   (into an empty database)");
                    return 2;
                }
                try (BufferedReader r = Files.newBufferedReader(Path.of(args.getFirst()), StandardCharsets.UTF_8)) {
                    GraphChecksum.Result result = dump.restore(r);
                    out.println("import-graph: checksum " + result);
                    return 0;
                } catch (IllegalStateException | IllegalArgumentException e) {
                    err.println("import-graph: " + e.getMessage());
                    return 1;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Bean
    Command checksumCommand(GraphDump dump) {
        return new Command() {
            @Override
            public String name() {
                return "checksum";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                out.println(dump.checksum());
                return 0;
            }
        };
    }
}
