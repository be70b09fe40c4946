package org.storygraph.query;

import java.time.Duration;
import java.util.List;

/**
 * A saved query: its header and text, and the problem found when it was validated (null when it is usable).
 *
 * @param timeout run timeout (already capped by the configured maximum)
 * @param limit   maximum rows returned
 */
public record SavedQuery(String name, String description, String file, List<QueryParam> params, Duration timeout,
        int limit, String cypher, String error) {

    public boolean valid() {
        return error == null;
    }

    SavedQuery withError(String problem) {
        return new SavedQuery(name, description, file, params, timeout, limit, cypher, problem);
    }
}
