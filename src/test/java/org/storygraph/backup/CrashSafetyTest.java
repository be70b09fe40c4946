package org.storygraph.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storygraph.StoryGraphApplication;
import org.storygraph.bench.CorpusGenerator;

/**
 * Kills a loading StoryGraph process with SIGKILL half-way, starts it again on the same data directory, loads the
 * same files again and rebuilds the stories: the graph is identical — same checksum over all nodes, relationships
 * and properties — to an uninterrupted load. The CI variant uses 1,200 articles; scripts/crash-test.sh runs it on
 * any size (100,000 documented in docs/reliability.md). Stories are rebuilt by {@code recluster} on both sides.
 */
class CrashSafetyTest {

    private static final Pattern PROGRESS = Pattern.compile("load: ([\\d,]+)/([\\d,]+) files");


    private static Process storygraph(Path data, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), StoryGraphApplication.class.getName()));
        command.addAll(List.of(args));
        command.add("--storygraph.neo4j.embedded.data-dir=" + data);
        command.add("--storygraph.neo4j.embedded.page-cache=64MB");
        command.add("--storygraph.ingest.batch-size=50");
        command.add("--storygraph.story.auto-cluster=false");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void aLoadKilledHalfWayAndRunAgainGivesTheSameGraph(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Iterator<CorpusGenerator.Article> articles = new CorpusGenerator(1200, 11).articles();
        while (articles.hasNext()) {
            CorpusGenerator.Article a = articles.next();
            Files.writeString(corpus.resolve(String.format("g%05d.txt", a.index())), CorpusGenerator.toFile(a));
        }

        // the reference: an uninterrupted load in the same way (own process, own data directory), stories rebuilt
        Path clean = dir.resolve("clean");
        finish(storygraph(clean, "load", corpus.toString()));
        String reference = finish(storygraph(clean, "recluster", "--checksum")).lines()
                .filter(l -> l.matches("[0-9a-f]{16} \\(.*")).findFirst().orElseThrow();

        // a separate process on its own data directory, killed with SIGKILL once it is well into the load
        Path data = dir.resolve("data");
        Process loading = storygraph(data, "load", corpus.toString());
        int done = 0;
        int total = 0;
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(loading.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.add(line);
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) {
                    done = Integer.parseInt(m.group(1).replace(",", ""));
                    total = Integer.parseInt(m.group(2).replace(",", ""));
                    if (done > 0 && done < total) {
                        break;
                    }
                }
            }
            loading.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean database shutdown
            assertThat(loading.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(done).as("killed part-way; the process said:%n%s", String.join("\n", seen))
                .isPositive().isLessThan(total);

        // restart: the same load again (committed batches are skipped as unchanged), then rebuild the stories
        String again = finish(storygraph(data, "load", corpus.toString()));
        assertThat(again).contains("1200 read").containsPattern("\\d+ unchanged");
        String checksum = finish(storygraph(data, "recluster", "--checksum"));
        assertThat(checksum).contains(reference);
    }
}
