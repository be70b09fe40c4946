package org.storygraph.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The reports of the most recent loads of this process, for {@code GET /api/loads/{id}}. */
@Component
class LoadHistory {

    private static final int KEEP = 100;
    private final Deque<LoadReport> reports = new ArrayDeque<>();

    synchronized void add(LoadReport report) {
        reports.addFirst(report);
        while (reports.size() > KEEP) {
            reports.removeLast();
        }
    }

    synchronized Optional<LoadReport> find(String id) {
        return reports.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
