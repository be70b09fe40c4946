package org.storygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphApplication;
import org.storygraph.StoryGraphTest;
import org.storygraph.TestDatabase;

@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryCommandTest {

    @Autowired
    GraphFixtures graph;

    @BeforeAll
    void seeds() {
        graph.seeds();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--storygraph.neo4j.uri=" + TestDatabase.boltUri())).toArray(String[]::new);
        int code = Cli.run(StoryGraphApplication.class, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsAndRunsSavedQueriesInEveryFormat() {
        Run list = cli("query", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("largest-stories", "--param limit=<int> (default 20)",
                "providers-leading", "--param provider=<string> (required)");

        // thehill.com (06-17 11:00) was last in the protests story, after wbur.org (06-16 15:30: 19 h 30 min =
        // 1,170 min ahead) and wpxi.com (06-16 23:27: 11 h 33 min = 693 min ahead); ordered by lead, longest first
        Run table = cli("query", "run", "providers-leading", "--param", "provider=thehill.com");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("provider", "wbur.org", "1170.0", "wpxi.com", "693.0", "(2 rows");
        assertThat(table.out().indexOf("wbur.org")).isLessThan(table.out().indexOf("wpxi.com"));

        Run csv = cli("query", "run", "story-spread-curve", "--param", "story=nope", "--format", "csv");
        assertThat(csv.code()).isZero();
        assertThat(csv.out().strip()).isEqualTo("providersSoFar,provider,joined,minutesAfterFirst");

        Run json = cli("query", "run", "largest-stories", "--param", "limit=1", "--format", "json");
        assertThat(json.out()).contains("\"rowCount\":1", "\"truncated\":false");
    }

    @Test
    void reportsBadParametersPlainly() {
        Run bad = cli("query", "run", "largest-stories", "--param", "limit=many");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Parameter 'limit' must be a int");
        Run unknown = cli("query", "run", "largest-stories", "--param", "colour=red");
        assertThat(unknown.err()).contains("Unknown parameter 'colour'");
        assertThat(cli("query", "run", "no-such-query").err()).contains("No saved query named 'no-such-query'");
    }
}
