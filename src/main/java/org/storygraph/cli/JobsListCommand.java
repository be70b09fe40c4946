package org.storygraph.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.storygraph.common.Page;
import org.storygraph.jobs.Job;
import org.storygraph.jobs.JobService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storygraph jobs list [--limit N]}: the most recent jobs, newest first, one line each. */
@Command(name = "list", description = "The most recent jobs, newest first: id, kind, state, progress, created.")
class JobsListCommand implements Callable<Integer> {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", converter = PositiveInt.class,
            description = "at most this many jobs (default ${DEFAULT-VALUE})")
    int limit;

    private final CliContext cli;

    JobsListCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Page<Job> jobs = cli.bean(JobService.class).list(null, null, 0, limit);
        PrintStream out = cli.out();
        for (Job j : jobs.items()) {
            out.printf("%s  %-9s %-11s %s  created %s%s%n", j.id(), j.kind(), j.state(), progress(j), j.createdAt(),
                    j.error() == null ? "" : "  (" + j.error() + ")");
        }
        out.printf("(%d of %d jobs)%n", jobs.items().size(), jobs.total());
        return 0;
    }

    static String progress(Job j) {
        Job.Progress p = j.progress();
        return String.format("%,d/%,d %s%s", p.done(), p.total(), p.unit() == null ? "" : p.unit(),
                p.percent() == null ? "" : " (" + p.percent() + "%)");
    }
}
