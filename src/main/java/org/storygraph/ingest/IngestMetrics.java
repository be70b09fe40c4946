package org.storygraph.ingest;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of loading (Prometheus names in brackets): articles written by committed batches
 * ({@code storygraph_articles_loaded_total}), files that failed ({@code storygraph_files_failed_total}) and the
 * duration of each load ({@code storygraph_load_duration_seconds}). Counted as batches commit, so a long load shows
 * its progress between scrapes.
 */
final class IngestMetrics {

    private final Counter articles;
    private final Counter filesFailed;
    private final Timer load;

    IngestMetrics(MeterRegistry registry) {
        this.articles = Counter.builder("storygraph.articles.loaded")
                .description("Articles created or updated by committed load batches")
                .register(registry);
        this.filesFailed = Counter.builder("storygraph.files.failed")
                .description("Input files that could not be loaded (unreadable, too large, not parseable)")
                .register(registry);
        this.load = Timer.builder("storygraph.load.duration")
                .description("Duration of each load (files, uploads, feeds, seeds)")
                .register(registry);
    }

    void articlesWritten(int count) {
        articles.increment(count);
    }

    void filesFailed(int count) {
        filesFailed.increment(count);
    }

    void loadFinished(Duration took) {
        load.record(took);
    }
}
