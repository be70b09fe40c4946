// Background jobs (loads by path, recluster, large exports): one node per job with its state, progress and result.
CREATE CONSTRAINT job_id IF NOT EXISTS FOR (j:Job) REQUIRE j.id IS UNIQUE;
CREATE INDEX job_state_created IF NOT EXISTS FOR (j:Job) ON (j.state, j.createdAt);
CREATE INDEX job_created IF NOT EXISTS FOR (j:Job) ON (j.createdAt);
