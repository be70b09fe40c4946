package org.storygraph.jobs;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How every endpoint that starts a job answers: {@code 202 Accepted}, {@code Location: /api/jobs/{id}}, the job. */
public final class JobResponses {

    private JobResponses() {
    }

    public static ResponseEntity<Job> accepted(Job job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/jobs/" + job.id())).body(job);
    }
}
