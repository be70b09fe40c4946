package org.storygraph.graph;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;

/** A read service that fails transiently a given number of times (for {@link ReadRetryTest}). */
@Component
@ReadRetry
public class FlakyReads {

    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failures;

    /** (Fields of a proxied bean are not the target's: state goes through methods.) */
    public void failTimes(int times) {
        calls.set(0);
        failures = times;
    }

    public int calls() {
        return calls.get();
    }

    public String read() {
        if (calls.incrementAndGet() <= failures) {
            throw new TransientDataAccessResourceException("The transaction read outdated data (simulated)");
        }
        return "ok";
    }

    public String fail() {
        calls.incrementAndGet();
        throw new IllegalStateException("not transient");
    }
}
