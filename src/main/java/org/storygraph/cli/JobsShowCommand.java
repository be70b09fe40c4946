package org.storygraph.cli;

import java.util.concurrent.Callable;

import org.storygraph.common.Json;
import org.storygraph.common.NotFoundException;
import org.storygraph.jobs.Job;
import org.storygraph.jobs.JobService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storygraph jobs show ID [--json]}: one job with its request, result or error. */
@Command(name = "show", description = {"One job: state, progress, timings, request, and its result or error.",
        "Exits 1 when there is no such job."})
class JobsShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "the job's id (from jobs list or the Location of a 202)")
    String id;

    @Option(names = "--json", description = "print the job as JSON, as GET /api/jobs/{id} does")
    boolean asJson;

    private final CliContext cli;

    JobsShowCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Job j;
        try {
            j = cli.bean(JobService.class).job(id);
        } catch (NotFoundException e) {
            cli.err().println("storygraph jobs show: no job " + id);
            return Cli.EXIT_PARTIAL;
        }
        Json json = cli.bean(Json.class);
        if (asJson) {
            cli.out().println(json.write(j));
            return 0;
        }
        cli.out().printf("Job %s (%s): %s%n", j.id(), j.kind(), j.state());
        cli.out().printf("  progress: %s%s%n", JobsListCommand.progress(j), j.cancelRequested() ? ", cancel requested" : "");
        cli.out().printf("  created:  %s%n  started:  %s%n  finished: %s%n", j.createdAt(),
                j.startedAt() == null ? "-" : j.startedAt(), j.finishedAt() == null ? "-" : j.finishedAt());
        cli.out().printf("  request:  %s%n", j.request());
        if (j.error() != null) {
            cli.out().printf("  error:    %s%n", j.error());
        }
        if (j.result() != null) {
            cli.out().printf("  result:%n%s%n", json.write(j.result()));
        }
        if (j.resultUrl() != null) {
            cli.out().printf("  file:     %s (GET %s)%n", cli.bean(JobService.class).resultFile(j.id()).path(),
                    j.resultUrl());
        }
        return 0;
    }
}
