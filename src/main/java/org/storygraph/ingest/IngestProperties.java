package org.storygraph.ingest;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How files are read and written.
 *
 * @param maxFileSize     larger files are rejected unread (default 5MB; the seeds are ~10KB)
 * @param batchSize       files written per transaction (default 500); a crash loses at most one batch, which the
 *                        next load redoes because its files were not recorded as loaded
 * @param maxAliases      YAML aliases allowed per file (default 50), the defence against "billion laughs"
 * @param maxNestingDepth YAML nesting allowed (default 40)
 * @param include         file name patterns taken when a directory is walked (default *.txt, *.md, *.markdown,
 *                        *.yaml, *.yml for front matter, *.csv, *.jsonl, *.ndjson, *.rss, *.atom; not *.xml, which
 *                        is too often something else; README and LICENSE files are skipped); files named explicitly
 *                        are always read (an .xml file named so is read as RSS/Atom)
 * @param allowedRoots    server directories that {@code POST /api/ingest} may read by path (default: the seeds
 *                        directory); anything outside is refused
 * @param seeds           the seed corpus loaded into an empty graph when the service starts
 * @param syncUpload      a multipart upload to {@code POST /api/ingest} of at most this many files and bytes is
 *                        loaded in the request and answered with the load report (default 20 files, 10MB); a larger
 *                        one runs as a background job (202 Accepted); loads by path always run as jobs
 */
@ConfigurationProperties("storygraph.ingest")
public record IngestProperties(
        @DefaultValue("5MB") DataSize maxFileSize,
        @DefaultValue("500") int batchSize,
        @DefaultValue("50") int maxAliases,
        @DefaultValue("40") int maxNestingDepth,
        @DefaultValue({"*.txt", "*.md", "*.markdown", "*.yaml", "*.yml", "*.csv", "*.jsonl", "*.ndjson", "*.rss",
                "*.atom"})
        List<String> include,
        @DefaultValue("seeds") List<Path> allowedRoots,
        @DefaultValue Seeds seeds,
        @DefaultValue SyncUpload syncUpload) {

    /**
     * @param dir           directory of seed files (default {@code seeds})
     * @param loadWhenEmpty load them when the service starts on a graph without articles (default true)
     */
    public record Seeds(@DefaultValue("seeds") Path dir, @DefaultValue("true") boolean loadWhenEmpty) {
    }

    /**
     * @param maxFiles uploads of at most this many files are loaded in the request (default 20)
     * @param maxSize  ... and of at most this many bytes in all (default 10MB)
     */
    public record SyncUpload(@DefaultValue("20") int maxFiles, @DefaultValue("10MB") DataSize maxSize) {
    }
}
