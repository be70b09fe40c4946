package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.storygraph.common.UrlCanonicalizer;

/** The CSV and JSON Lines readers on the fixtures of {@code src/test/resources/ingest/formats}, without a database. */
class ItemReadersTest {

    static final Path FORMATS = Path.of("src/test/resources/ingest/formats");
    private static final int MAX = 5 * 1024 * 1024;

    private final FrontMatterParser frontMatter = new FrontMatterParser(MAX, 50, 40);
    private final Readers readers = Readers.standard(frontMatter, ColumnMapping.BUILT_IN, MAX);

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(FORMATS.resolve(name));
    }

    @Test
    void picksTheReaderByNameThenContentType() {
        assertThat(readers.pick("a.csv", null)).isInstanceOf(CsvItemReader.class);
        assertThat(readers.pick("A.CSV", "text/plain")).isInstanceOf(CsvItemReader.class);
        assertThat(readers.pick("a.jsonl", null)).isInstanceOf(JsonLinesItemReader.class);
        assertThat(readers.pick("a.ndjson", null)).isInstanceOf(JsonLinesItemReader.class);
        assertThat(readers.pick("a.md", "text/csv")).isSameAs(frontMatter);
        assertThat(readers.pick("upload", "text/csv; charset=utf-8")).isInstanceOf(CsvItemReader.class);
        assertThat(readers.pick("upload", "application/x-ndjson")).isInstanceOf(JsonLinesItemReader.class);
        assertThat(readers.pick("no-extension", null)).isSameAs(frontMatter);
    }

    @Test
    void readsTheMediaCloudSearchExport() throws Exception {
        // UTF-8 with a byte-order mark, CRLF, a quoted comma and quotes, a title with a line break
        ParsedFile file = readers.pick("mediacloud-search.csv", null).read("mc.csv", fixture("mediacloud-search.csv"));
        assertThat(file.failures()).isEmpty();
        assertThat(file.warnings()).isEmpty(); // id, indexed_date, language: known, nothing to keep
        assertThat(file.items()).hasSize(20);
        ArticleRecord first = file.items().getFirst().article();
        assertThat(first.url()).isEqualTo(
                UrlCanonicalizer.canonicalize("https://www.fedscoop.com/facial-recognition-federal-law-enforcement/"));
        assertThat(first.originalUrl()).contains("utm_source=twitter");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2020-06-15T16:59:00Z"));
        assertThat(first.provider()).isEqualTo(new ArticleRecord.ProviderRecord("fedscoop.com", "FedScoop"));
        assertThat(first.full()).isTrue();
        assertThat(first.line()).isEqualTo(2);
        assertThat(file.items().get(9).article().title())
                .isEqualTo("Clearview AI faces new questions, \"as big tech steps back\"");
        // row 19 spans two lines: its title's line break is cleaned to a space, row 20 starts on line 22
        assertThat(file.items().get(18).article().title()).contains("errors: the second wrongful arrest");
        assertThat(file.items().get(18).article().line()).isEqualTo(20);
        assertThat(file.items().get(19).article().line()).isEqualTo(22);
        // the time without zone is read as UTC, with a warning
        assertThat(file.items().getFirst().warnings()).extracting(LoadReport.Warning::message)
                .containsExactly("published: time without zone, UTC assumed");
    }

    @Test
    void readsTheOlderMediaCloudApiExportAndSkipsABadRowWithItsLine() throws Exception {
        ParsedFile file = readers.pick("x.csv", null).read("api.csv", fixture("mediacloud-api.csv"));
        assertThat(file.items()).hasSize(2);
        assertThat(file.items().get(1).article().provider().domain()).isEqualTo("herald.example.net");
        assertThat(file.failures()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("api.csv");
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.reason()).contains("invalid 'published' time").contains("not a date");
        });
        // ap_syndicated, themes, media_id, stories_id: known Media Cloud columns, nothing to report
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void readsGenericColumnsAndReportsUnknownOnes() throws Exception {
        String csv = "Link,Title,Date,Publisher,Domain,Summary,Topics,Views\n"
                + "https://a.example.com/x?utm_source=y,A title,2020-06-14T10:00:00+02:00,A Pub,a.example.com,"
                + "\"An excerpt, with a comma\",AI; Computer Vision ;AI,12\n";
        ParsedFile file = new CsvItemReader(ColumnMapping.BUILT_IN, MAX).read("g.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        ArticleRecord a = file.items().getFirst().article();
        assertThat(a.url()).isEqualTo("https://a.example.com/x");
        assertThat(a.title()).isEqualTo("A title");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2020-06-14T08:00:00Z"));
        assertThat(a.provider()).isEqualTo(new ArticleRecord.ProviderRecord("a.example.com", "A Pub"));
        assertThat(a.excerpt()).isEqualTo("An excerpt, with a comma");
        assertThat(a.topics()).containsExactly("AI", "Computer Vision");
        assertThat(file.warnings()).extracting(LoadReport.Warning::message)
                .containsExactly("columns ignored (no article field): Views");
    }

    @Test
    void aMappingFileNamesOtherColumns() throws Exception {
        byte[] csv = fixture("custom.csv");
        assertThatThrownBy(() -> new CsvItemReader(ColumnMapping.BUILT_IN, MAX).read("c.csv", csv))
                .isInstanceOf(BadFileException.class).hasMessageContaining("no title or URL column")
                .hasMessageContaining("--mapping");
        ColumnMapping mapping = ColumnMapping.read(FORMATS.resolve("custom-mapping.yaml"));
        ParsedFile file = new CsvItemReader(mapping, MAX).read("c.csv", csv);
        assertThat(file.items()).singleElement().satisfies(item -> {
            assertThat(item.article().title()).isEqualTo("Facial recognition, explained");
            assertThat(item.article().provider().name()).isEqualTo("Explainer");
            assertThat(item.article().publishedAt()).isEqualTo(Instant.parse("2020-06-14T10:00:00Z"));
        });
        assertThat(file.failures()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.reason()).contains("missing or empty 'url'");
        });
        assertThat(file.warnings()).extracting(LoadReport.Warning::message)
                .containsExactly("columns ignored (no article field): Notes");
    }

    @Test
    void aBadMappingFileIsRefusedNamingTheProblem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("m.yaml"), "headline: Title\n");
        assertThatThrownBy(() -> ColumnMapping.read(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown field 'headline'").hasMessageContaining("title, url");
    }

    @Test
    void readsJsonLinesAndFailsABrokenLineAlone() throws Exception {
        ParsedFile file = readers.pick("articles.jsonl", null).read("a.jsonl", fixture("articles.jsonl"));
        assertThat(file.items()).hasSize(3);
        ParsedItem first = file.items().getFirst();
        assertThat(first.article().url()).isEqualTo("https://tribune.example.org/tech/2020/06/10/ibm-exits-facial-recognition");
        assertThat(first.article().topics()).containsExactly("Computer Vision", "AI");
        assertThat(first.article().excerpt()).startsWith("IBM will no longer");
        assertThat(first.related()).singleElement().satisfies(r -> {
            assertThat(r.rank()).isEqualTo(1);
            assertThat(r.article().full()).isFalse();
            assertThat(r.article().provider().domain()).isEqualTo("daily.example.com");
        });
        ArticleRecord second = file.items().get(1).article();
        assertThat(second.provider()).isEqualTo(new ArticleRecord.ProviderRecord("herald.example.net", "Example Herald"));
        assertThat(second.topics()).containsExactly("AI");
        assertThat(second.line()).isEqualTo(2);
        assertThat(file.items().get(2).article().imageUrl()).isEqualTo("https://daily.example.com/img/boston.jpg");
        assertThat(file.items().get(2).article().line()).isEqualTo(5);
        assertThat(file.failures()).extracting(LoadReport.FileFailure::line).containsExactly(3, 6);
        assertThat(file.failures().getFirst().reason()).contains("invalid JSON");
        assertThat(file.failures().get(1).reason()).contains("missing or empty 'title'");
        assertThat(file.warnings()).extracting(LoadReport.Warning::message)
                .containsExactly("keys ignored (no article field): wordCount");
    }

    @Test
    void refusesWhatIsNotUtf8Text() {
        byte[] latin1 = "title,url\ncaf\u00e9,https://x.example.com/\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new CsvItemReader(ColumnMapping.BUILT_IN, MAX).read("l.csv", latin1))
                .isInstanceOf(BadFileException.class).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> new JsonLinesItemReader(ColumnMapping.BUILT_IN, MAX).read("e.jsonl", new byte[0]))
                .isInstanceOf(BadFileException.class).hasMessageContaining("empty file");
    }
}
