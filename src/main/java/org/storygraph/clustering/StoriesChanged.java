package org.storygraph.clustering;

import java.time.Instant;
import java.util.List;

/**
 * Published after a clustering run was recorded (an incremental batch or a recluster), with the changes it made to
 * stories (never the unchanged ones), in the order of their sequence numbers.
 */
public record StoriesChanged(String runId, Instant at, List<StoryChange> changes) {

    public StoriesChanged {
        changes = List.copyOf(changes);
    }
}
