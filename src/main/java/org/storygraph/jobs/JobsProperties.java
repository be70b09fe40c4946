package org.storygraph.jobs;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Background jobs ({@code storygraph.jobs.*}).
 *
 * @param concurrency      jobs run at the same time (default 1: loads and reclusters write the same nodes, and
 *                         one at a time never fight over locks; raise it only for exports)
 * @param queueCapacity    jobs that may wait for a worker (default 100); one more is refused with 503
 * @param progressInterval how often a running job's progress is written to its node at most (default 500ms)
 * @param resultDir        where jobs that produce a file (exports) write it, one folder per job id (default
 *                         data/jobs); the files stay until deleted by hand
 * @param shutdownWait     how long stopping the service waits for running jobs to reach a batch boundary before
 *                         it interrupts them (default 10s); either way they are recorded {@code interrupted}
 */
@ConfigurationProperties("storygraph.jobs")
public record JobsProperties(
        @DefaultValue("1") int concurrency,
        @DefaultValue("100") int queueCapacity,
        @DefaultValue("500ms") Duration progressInterval,
        @DefaultValue("data/jobs") Path resultDir,
        @DefaultValue("10s") Duration shutdownWait) {
}
