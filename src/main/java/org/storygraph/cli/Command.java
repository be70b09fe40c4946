package org.storygraph.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of the {@code storygraph} CLI. Commands are beans of the feature they belong to; they run in an
 * application context without a web server, and return the process exit code.
 */
public interface Command {

    /** The word that selects the command, e.g. {@code load}. Must be listed in {@link Cli#COMMANDS}. */
    String name();

    /**
     * @param args arguments after the command word
     * @param out  results (reports, data)
     * @param err  progress and errors
     * @return the exit code: 0 success, 1 partial failure (e.g. some files failed), 2 usage error
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
