package org.storygraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.storygraph.cli.Cli;

/**
 * StoryGraph: without arguments (or with only {@code --option=value} arguments) it runs the service; with a command
 * word first ({@code load}, ...) it runs that command without a web server and exits with its code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StoryGraphApplication {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            if (!Cli.isCommand(args[0])) {
                System.err.println("storygraph: unknown command '" + args[0] + "'");
                Cli.usage(System.err);
                System.exit(Cli.EXIT_USAGE);
            }
            System.exit(Cli.run(StoryGraphApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(StoryGraphApplication.class, args);
    }
}
