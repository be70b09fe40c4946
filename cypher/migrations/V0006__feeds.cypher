// Feeds polled by the service (storygraph feeds add URL): one node per feed URL, with its polling state.
CREATE CONSTRAINT feed_url IF NOT EXISTS FOR (f:Feed) REQUIRE f.url IS UNIQUE;
CREATE INDEX feed_next_fetch IF NOT EXISTS FOR (f:Feed) ON (f.nextFetchAt);
