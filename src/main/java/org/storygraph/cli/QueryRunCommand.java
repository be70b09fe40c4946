package org.storygraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.storygraph.query.QueryException;
import org.storygraph.query.QueryRunner;
import org.storygraph.query.ResultWriters;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code storygraph query run NAME [--param k=v ...] [--format json|csv|table]}: one saved query, with the same
 * checks as over HTTP; exits 2 when the asker is at fault (unknown query or parameter, bad value), 1 otherwise.
 */
@Command(name = "run", description = "Run one saved query (see storygraph query list) and print its rows.")
class QueryRunCommand implements Callable<Integer> {

    /** How the rows are printed. */
    enum Format {
        table, json, csv
    }

    @Parameters(paramLabel = "NAME", description = "the saved query")
    String name;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a parameter of the query (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Format format;

    private final CliContext cli;

    QueryRunCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        PrintStream out = cli.out();
        JsonMapper mapper = cli.bean(JsonMapper.class);
        try (QueryRunner.Execution run = cli.bean(QueryRunner.class).startWithText(name, params)) {
            switch (format) {
                case json -> {
                    ResultWriters.json(run, out, mapper);
                    out.println();
                }
                case csv -> ResultWriters.csv(run, out, mapper);
                default -> ResultWriters.table(run, out, mapper);
            }
            out.flush();
            return 0;
        } catch (QueryException e) {
            cli.err().println("query " + name + ": " + e.getMessage());
            return e.kind().askersFault() ? Cli.EXIT_USAGE : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
