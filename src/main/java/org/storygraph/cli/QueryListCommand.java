package org.storygraph.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.storygraph.query.QueryCatalog;
import org.storygraph.query.QueryParam;
import org.storygraph.query.SavedQuery;

import picocli.CommandLine.Command;

/** {@code storygraph query list}: the saved queries with their parameters; broken ones with their error. */
@Command(name = "list", description = "The saved queries and their parameters.")
class QueryListCommand implements Callable<Integer> {

    private final CliContext cli;

    QueryListCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        QueryCatalog catalog = cli.bean(QueryCatalog.class);
        PrintStream out = cli.out();
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
}
