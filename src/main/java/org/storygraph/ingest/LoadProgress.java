package org.storygraph.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives progress of a running load: files done of the total, articles written so far. */
@FunctionalInterface
public interface LoadProgress {

    void update(int filesDone, int filesTotal, int articlesWritten);

    /**
     * Whether the load should stop; asked before each batch (a batch boundary: what was committed stays, and the
     * report says where the load stopped). Never, unless the caller is a cancellable job.
     */
    default boolean cancelled() {
        return false;
    }

    /** Logs at most every five seconds, and at the end. */
    static LoadProgress logging() {
        Logger log = LoggerFactory.getLogger(LoadProgress.class);
        return new Throttled(5_000) {
            @Override
            protected void print(String line) {
                log.info(line);
            }
        };
    }

    /** Prints a progress line on a stream at most every {@code intervalMillis}, and at the end. */
    abstract class Throttled implements LoadProgress {
        private final long intervalMillis;
        private final long started = System.nanoTime();
        private volatile long last;

        protected Throttled(long intervalMillis) {
            this.intervalMillis = intervalMillis;
        }

        protected abstract void print(String line);

        @Override
        public void update(int filesDone, int filesTotal, int articlesWritten) {
            long now = System.nanoTime();
            boolean end = filesDone == filesTotal && filesTotal > 0;
            if (!end && (now - last) / 1_000_000 < intervalMillis) {
                return;
            }
            last = now;
            double seconds = Math.max(0.001, (now - started) / 1e9);
            print(String.format("load: %,d/%,d files (%d%%), %,d articles written, %.0f files/s",
                    filesDone, filesTotal, filesTotal == 0 ? 100 : filesDone * 100L / filesTotal, articlesWritten,
                    filesDone / seconds));
        }
    }
}
