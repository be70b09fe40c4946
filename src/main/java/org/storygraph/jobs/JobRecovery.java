package org.storygraph.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * At start-up of the service (not of a CLI command, which may run beside a service sharing a Neo4j server), jobs
 * that an earlier process left {@code queued} or {@code running} are marked {@code interrupted}: nothing will finish
 * them. Their committed batches stay; a load can simply be started again (unchanged files are skipped).
 */
@Component
@ConditionalOnWebApplication
class JobRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

    private final JobService jobs;

    JobRecovery(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        long n = markInterrupted();
        if (n > 0) {
            log.warn("{} jobs of an earlier run were left unfinished and are marked interrupted", n);
        }
    }

    long markInterrupted() {
        return jobs.markInterrupted();
    }
}
