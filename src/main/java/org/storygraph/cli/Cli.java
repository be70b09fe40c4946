package org.storygraph.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.concurrent.Callable;

import org.storygraph.graph.DatabaseInUseException;
import org.storygraph.graph.GraphUnreachableException;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs one command ({@code storygraph load seeds/}) and returns its exit code. The arguments are parsed and checked
 * first, so that a typo or {@code --help} answers at once; the application context (without a web server) starts
 * only when the command asks for its first bean (see {@link CliContext}). Spring properties
 * ({@code --storygraph.neo4j.uri=...}, {@code --logging.level.x=...}) pass through to that context.
 */
public final class Cli {

    /** Some of the work failed, e.g. some files did not load. */
    public static final int EXIT_PARTIAL = 1;
    /** Unknown command or option, missing or bad value. */
    public static final int EXIT_USAGE = 2;
    /** The embedded database is held by another process, usually the running service. */
    public static final int EXIT_DATABASE_IN_USE = 3;

    private Cli() {
    }

    /** Whether the arguments ask for a command (a command word or {@code --help} first) rather than the service. */
    public static boolean isCommandLine(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || args[0].equals("--help") || args[0].equals("-h"));
    }

    /** Runs the command in {@code args[0]} and returns the exit code (the caller decides whether to exit). */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        return run(new StoryGraphCommand(), application, args, out, err);
    }

    /**
     * Runs a command of {@code commands} (a picocli command whose subcommands are the command words) in a context of
     * {@code application}; subcommands with a constructor taking a {@link CliContext} get it.
     */
    public static int run(Object commands, Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> properties = List.of(args).stream().filter(Cli::isPropertyOption).toList();
        String[] rest = List.of(args).stream().filter(a -> !isPropertyOption(a)).toArray(String[]::new);
        try (CliContext context = new CliContext(application, properties, out, err)) {
            CommandLine cli = commandLine(commands, context);
            try {
                return execute(cli, rest);
            } catch (ParameterException e) {
                usageError(e, cli.getErr());
                return EXIT_USAGE;
            } catch (CliContext.StartFailure e) {
                return couldNotStart(e, rest[0], cli.getErr());
            } finally {
                cli.getOut().flush();
                cli.getErr().flush();
            }
        }
    }

    private static int execute(CommandLine cli, String[] args) throws ParameterException {
        if (args.length == 0 || (!args[0].startsWith("-") && !cli.getSubcommands().containsKey(args[0]))) {
            throw new ParameterException(cli, args.length == 0 ? "no command" : "unknown command '" + args[0] + "'"
                    + (cli.getCommand() instanceof StoryGraphCommand && StoryGraphCommand.BENCHMARKS.contains(args[0])
                            ? " (the benchmarks are not in the jar: the ./storygraph script runs them from the test "
                                    + "tree)"
                            : ""));
        }
        ParseResult parsed = cli.parseArgs(args);
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        if (!(leaf.commandSpec().userObject() instanceof Callable<?> command)) {
            throw new ParameterException(leaf.commandSpec().commandLine(), "Missing required subcommand");
        }
        try {
            return (Integer) command.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message, and the list of commands or the synopsis of the command at fault. */
    private static void usageError(ParameterException e, PrintWriter err) {
        CommandLine where = e.getCommandLine();
        String name = where.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage());
        if (where.getParent() == null) {
            where.usage(err);
        } else {
            CommandLine.Help help = where.getHelp();
            err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
            err.println("Try '" + name + " --help' for more information.");
        }
    }

    private static int couldNotStart(CliContext.StartFailure failure, String name, PrintWriter err) {
        DatabaseInUseException inUse = find(failure, DatabaseInUseException.class);
        if (inUse != null) {
            err.println("storygraph " + name + ": " + (name.equals("export")
                    ? "The database in " + inUse.dataDir() + " is in use by another process (is the StoryGraph "
                            + "service running?). Stop it first, or export through the running service: curl -OJ "
                            + "'http://localhost:8080/api/export?from=2020-06-10&to=2020-06-20&format=gexf' "
                            + "(see docs/exports.md)"
                    : inUse.getMessage()));
            return EXIT_DATABASE_IN_USE;
        }
        GraphUnreachableException unreachable = find(failure, GraphUnreachableException.class);
        if (unreachable != null) {
            err.println("storygraph " + name + ": " + unreachable.getMessage());
            err.println("Start that server or correct " + unreachable.setting() + "; with neither "
                    + "storygraph.neo4j.uri nor spring.neo4j.uri set the embedded database is used.");
            return 1;
        }
        // Boot's own failure report is switched off for the CLI (see application.yml), so say it here
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        err.println("storygraph " + name + ": could not start: " + root);
        failure.getCause().printStackTrace(err);
        return 1;
    }

    /** The parser: {@code --name=value} and {@code --name value}, {@code -h}/{@code --help} on every command. */
    static CommandLine commandLine(Object commands, CliContext context) {
        CommandLine cli = new CommandLine(commands, new Factory(context));
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        cli.setExpandAtFiles(false);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        style(cli);
        return cli;
    }

    private static void style(CommandLine cli) {
        CommandSpec spec = cli.getCommandSpec();
        spec.usageMessage().synopsisHeading("usage: ").commandListHeading("%nCommands:%n")
                .optionListHeading("Options:%n").parameterListHeading("Parameters:%n");
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help and exit.").build());
        }
        cli.getSubcommands().values().forEach(Cli::style);
    }

    /** {@code --storygraph.neo4j.uri=...}: a configuration property (dotted name), not a command option. */
    static boolean isPropertyOption(String arg) {
        return arg.matches("--[A-Za-z][\\w-]*(\\.[\\w-]+)+=.*");
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Creates commands with the {@link CliContext} when they take one. */
    private record Factory(CliContext context) implements IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<K> constructor;
            try {
                constructor = type.getDeclaredConstructor(CliContext.class);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
            constructor.setAccessible(true);
            return constructor.newInstance(context);
        }
    }
}
