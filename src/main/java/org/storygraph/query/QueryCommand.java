package org.storygraph.query;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.storygraph.cli.Command;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code storygraph query list} and {@code storygraph query run NAME [--param k=v ...] [--format json|csv|table]}:
 * the saved queries from the command line, with the same checks as over HTTP.
 */
@Component
class QueryCommand implements Command {

    private final QueryCatalog catalog;
    private final QueryRunner runner;
    private final JsonMapper mapper;

    QueryCommand(QueryCatalog catalog, QueryRunner runner, JsonMapper mapper) {
        this.catalog = catalog;
        this.runner = runner;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "query";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !(args.getFirst().equals("list") || args.getFirst().equals("run"))) {
            return usage(err);
        }
        if (args.getFirst().equals("list")) {
            for (SavedQuery q : catalog.all()) {
                out.printf("%-28s %s%n", q.name(), q.valid() ? q.description() : "BROKEN: " + q.error());
                for (QueryParam p : q.params()) {
                    out.printf("    --param %s=<%s>%s%s%n", p.name(), p.type(),
                            p.required() ? " (required)" : " (default " + p.defaultValue() + ")",
                            p.description() == null ? "" : "  " + p.description());
                }
            }
            out.printf("(%d saved queries from %s)%n", catalog.all().size(), catalog.source());
            return 0;
        }
        if (args.size() < 2) {
            return usage(err);
        }
        String name = args.get(1);
        Map<String, String> params = new LinkedHashMap<>();
        String format = "table";
        for (int i = 2; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--param") && i + 1 < args.size()) {
                String kv = args.get(++i);
                int eq = kv.indexOf('=');
                if (eq < 1) {
                    err.println("query: --param needs name=value, got '" + kv + "'");
                    return 2;
                }
                params.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (a.equals("--format") && i + 1 < args.size()) {
                format = args.get(++i);
            } else {
                return usage(err);
            }
        }
        if (!List.of("json", "csv", "table").contains(format)) {
            err.println("query: --format must be json, csv or table");
            return 2;
        }
        try (QueryRunner.Execution run = runner.startWithText(name, params)) {
            switch (format) {
                case "json" -> {
                    ResultWriters.json(run, out, mapper);
                    out.println();
                }
                case "csv" -> ResultWriters.csv(run, out, mapper);
                default -> ResultWriters.table(run, out, mapper);
            }
            out.flush();
            return 0;
        } catch (QueryException e) {
            err.println("query " + name + ": " + e.getMessage());
            return e.kind().askersFault() ? 2 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: storygraph query list");
        err.println("       storygraph query run NAME [--param name=value ...] [--format json|csv|table]");
        return 2;
    }
}
