package org.storygraph.web;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts saved-query runs per client: at most {@code maxConcurrent} at once and {@code perMinute} started in any
 * sliding minute (the start times of the last {@code perMinute} runs are kept per client, so the window is exact).
 * Clients live in a Caffeine cache bounded in size and expiring when idle. A client forgotten while its runs were
 * still going (only when more than {@code maxClients} are active at once) starts again from zero; its old runs
 * release the record they came from.
 */
final class QueryRunLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);

    /** A granted run; close it when the run ends. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Why a run was refused and when to try again. */
    record Refusal(String reason, long retryAfterSeconds) {
    }

    /** Either a permit or a refusal. */
    record Decision(Permit permit, Refusal refusal) {
        boolean granted() {
            return permit != null;
        }
    }

    private final QueryRunLimits limits;
    private final LongSupplier nanoTime;
    private final Cache<String, Client> clients;

    QueryRunLimiter(QueryRunLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.clients = Caffeine.newBuilder().maximumSize(limits.maxClients()).expireAfterAccess(limits.idle())
                .build();
    }

    Decision tryStart(String client) {
        return clients.get(client, c -> new Client(limits.perMinute())).tryStart(nanoTime.getAsLong());
    }

    /** Runs of this client going on now (0 for one not seen). */
    int running(String client) {
        Client state = clients.getIfPresent(client);
        return state == null ? 0 : state.running();
    }

    private final class Client {
        private final long[] starts; // ring of the last perMinute start times
        private int next;
        private int count;
        private int running;

        Client(int perMinute) {
            this.starts = new long[perMinute];
        }

        synchronized Decision tryStart(long now) {
            if (running >= limits.maxConcurrent()) {
                return new Decision(null, new Refusal("Too many saved-query runs at once from this address (limit "
                        + limits.maxConcurrent() + "); wait for one to finish", 1));
            }
            if (count == starts.length) {
                long oldest = starts[next];
                long wait = oldest + WINDOW.toNanos() - now;
                if (wait > 0) {
                    return new Decision(null, new Refusal("Too many saved-query runs from this address (limit "
                            + starts.length + " per minute)", Math.max(1, (wait + 999_999_999L) / 1_000_000_000L)));
                }
            }
            starts[next] = now;
            next = (next + 1) % starts.length;
            count = Math.min(count + 1, starts.length);
            running++;
            return new Decision(new Release(this), null);
        }

        synchronized void finish() {
            running--;
        }

        synchronized int running() {
            return running;
        }
    }

    private static final class Release implements Permit {
        private final Client client;
        private boolean closed;

        Release(Client client) {
            this.client = client;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                client.finish();
            }
        }
    }
}
