package org.storygraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.storygraph.cli.Cli;

/**
 * StoryGraph: without arguments (or with only {@code --option=value} arguments) it runs the service; with a command
 * word first ({@code load}, ...) or {@code --help} it runs that command without a web server and exits with its code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StoryGraphApplication {

    public static void main(String[] args) {
        if (Cli.isCommandLine(args)) {
            System.exit(Cli.run(StoryGraphApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(StoryGraphApplication.class, args);
    }
}
