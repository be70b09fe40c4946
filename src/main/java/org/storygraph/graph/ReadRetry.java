package org.storygraph.graph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.resilience.annotation.Retryable;

/**
 * Read services retry transient database errors: a read that overlaps a load can fail with
 * {@code Neo.TransientError.Transaction.Outdated} ("read outdated data … concurrent data modification. Retry the
 * transaction.") — the driver's managed transactions would retry it, {@code Neo4jClient}'s auto-commit queries do
 * not. Up to 3 retries, 50 ms apart and doubling, with jitter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Retryable(includes = TransientDataAccessException.class, maxRetries = 3, delay = 50, jitter = 25, multiplier = 2)
public @interface ReadRetry {
}
