// Clustering runs (incremental batches and reclusters) and the story changes each made: the change feed reads them in
// sequence order, the run list newest first; stories are listed by when they last changed (?changedSince=).
CREATE CONSTRAINT clustering_run_id IF NOT EXISTS FOR (r:ClusteringRun) REQUIRE r.id IS UNIQUE;
CREATE INDEX clustering_run_started IF NOT EXISTS FOR (r:ClusteringRun) ON (r.startedAt);
CREATE CONSTRAINT clustering_change_sequence IF NOT EXISTS FOR (c:ClusteringChange) REQUIRE c.sequence IS UNIQUE;
CREATE INDEX clustering_change_run IF NOT EXISTS FOR (c:ClusteringChange) ON (c.runId, c.sequence);
CREATE INDEX story_updated IF NOT EXISTS FOR (s:Story) ON (s.updatedAt);
