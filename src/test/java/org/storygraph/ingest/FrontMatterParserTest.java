package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FrontMatterParserTest {

    private final FrontMatterParser parser = new FrontMatterParser(5 * 1024 * 1024, 50, 40);

    private ParsedItem parse(String text) throws BadFileException {
        return parser.parse("test.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    private static BadFileException failure(FrontMatterParser parser, byte[] bytes) {
        try {
            parser.parse("bad.txt", bytes);
        } catch (BadFileException e) {
            return e;
        }
        throw new AssertionError("expected the file to be rejected");
    }

    private BadFileException failure(String text) {
        return failure(parser, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheNpmSeedWithItsRelatedEntriesInOrder() throws Exception {
        ParsedItem item = parser.parse("002", Files.readAllBytes(Path.of("seeds/002_6ccd75dcdf8505bc.txt")));
        ArticleRecord a = item.article();
        assertThat(a.url()).isEqualTo(
                "https://npr.org/2020/06/22/881845711/tech-companies-are-limiting-police-use-of-facial-recognition-heres-why");
        assertThat(a.originalUrl()).startsWith("https://www.npr.org/");
        assertThat(a.title()).isEqualTo("Tech Companies Are Limiting Police Use of Facial Recognition. Here's Why");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2020-06-23T08:00:00Z"));
        assertThat(a.provider()).isEqualTo(new ArticleRecord.ProviderRecord("npr.org", "NPR"));
        assertThat(a.topics()).containsExactly("Computer Vision", "AI");
        assertThat(a.quality()).isEqualTo(38);
        assertThat(a.imageUrl()).startsWith("https://media.npr.org/");
        assertThat(a.full()).isTrue();
        assertThat(item.related()).hasSize(8);
        assertThat(item.related()).extracting(ArticleRecord.Related::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(item.related().get(0).article().provider().domain()).isEqualTo("bbc.com");
        assertThat(item.related().get(0).article().full()).isFalse();
        // the two timeslive entries differ only by www. and canonicalise to one URL
        assertThat(item.related().get(6).article().url()).isEqualTo(item.related().get(7).article().url());
        assertThat(item.warnings()).isEmpty();
    }

    @Test
    void everySeedParsesWithoutWarnings() throws Exception {
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path file : files.toList()) {
                ParsedItem item = parser.parse(file.toString(), Files.readAllBytes(file));
                assertThat(item.warnings()).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void reportsInvalidYamlWithItsLine() {
        BadFileException e = failure("---\ntitle: \"ok\"\nwebUrl: [unclosed\nother: x\n---\n");
        assertThat(e.getMessage()).startsWith("invalid YAML");
        assertThat(e.line()).isBetween(3, 5);
    }

    @Test
    void rejectsMissingTitleAndUrl() {
        assertThat(failure("---\nwebUrl: https://a.com/x\n---\n").getMessage()).contains("'title'");
        assertThat(failure("---\ntitle: \"  \"\nwebUrl: https://a.com/x\n---\n").getMessage()).contains("'title'");
        BadFileException noUrl = failure("---\ntitle: A\nexcerpt: b\n---\n");
        assertThat(noUrl.getMessage()).contains("'webUrl'");
        assertThat(noUrl.line()).isEqualTo(2);
    }

    @Test
    void rejectsUnparsableDatesAndUnsafeUrls() {
        BadFileException date = failure("---\ntitle: A\nwebUrl: https://a.com/x\npublishedDateTime: yesterday\n---\n");
        assertThat(date.getMessage()).contains("publishedDateTime").contains("yesterday");
        assertThat(date.line()).isEqualTo(4);
        assertThat(failure("---\ntitle: A\nwebUrl: \"javascript:alert(1)\"\n---\n").getMessage())
                .contains("unsupported URL scheme");
        assertThat(failure("---\ntitle: A\nwebUrl: /news/1\n---\n").getMessage()).contains("not an absolute URL");
    }

    @Test
    void rejectsFilesWithoutOrWithUnterminatedFrontMatter() {
        assertThat(failure("title: A\n").getMessage()).startsWith("no front matter");
        BadFileException open = failure("\n---\ntitle: A\nwebUrl: https://a.com/x\n");
        assertThat(open.getMessage()).startsWith("unterminated front matter");
        assertThat(open.line()).isEqualTo(2);
        assertThat(failure("---\n---\n").getMessage()).isEqualTo("empty front matter");
    }

    @Test
    void rejectsDuplicateKeysNamingBothLines() {
        BadFileException e = failure("---\ntitle: A\nwebUrl: https://a.com/x\ntitle: B\n---\n");
        assertThat(e.getMessage()).isEqualTo("duplicate key 'title' (first at line 2)");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void refusesAliasBombs() {
        StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            yaml.append("]\n");
            prev = c;
        }
        yaml.append("title: A\nwebUrl: https://a.com/x\n---\n");
        assertThat(failure(yaml.toString()).getMessage()).startsWith("invalid YAML").contains("aliases");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThat(failure("---\ntitle: A\nwebUrl: https://a.com/x\nx: " + deep + "\n---\n").getMessage())
                .startsWith("invalid YAML");
    }

    @Test
    void rejectsBinaryNonUtf8AndOversizedFiles() {
        assertThat(failure(parser, new byte[] {'-', '-', '-', '\n', 0, 1, 2, '\n'}).getMessage()).startsWith("binary");
        byte[] latin1 = "---\ntitle: caf\u00e9\nwebUrl: https://a.com/x\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        BadFileException e = failure(parser, latin1);
        assertThat(e.getMessage()).startsWith("not valid UTF-8");
        assertThat(e.line()).isEqualTo(2);
        FrontMatterParser small = new FrontMatterParser(100, 50, 40);
        assertThat(failure(small, new byte[101]).getMessage()).contains("more than the limit");
    }

    @Test
    void acceptsBomAndCrlf() throws Exception {
        ParsedItem item = parse("\uFEFF---\r\ntitle: A\r\nwebUrl: https://a.com/x\r\n---\r\n");
        assertThat(item.article().title()).isEqualTo("A");
    }

    @Test
    void rejectsTopLevelListsAndListTitles() {
        assertThat(failure("---\n- a\n- b\n---\n").getMessage()).isEqualTo("front matter is a list, expected a mapping");
        assertThat(failure("---\ntitle: [a, b]\nwebUrl: https://a.com/x\n---\n").getMessage())
                .isEqualTo("'title' is a list, expected text");
    }

    @Test
    void normalisesWithWarnings() throws Exception {
        ParsedItem item = parse("""
                ---
                title: "  Two   spaces\\a and cafe\u0301  "
                webUrl: https://www.a.com/x/
                publishedDateTime: 2020-06-11 09:53:00
                quality: "42"
                topics: AI
                related:
                  - title: Self
                    webUrl: https://a.com/x
                  - just text
                  - title: Other
                    webUrl: https://b.com/y
                    publishedDateTime: 2020-06-12
                  - title: No url
                ---
                body is ignored
                """);
        ArticleRecord a = item.article();
        assertThat(a.title()).isEqualTo("Two spaces and caf\u00e9");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2020-06-11T09:53:00Z"));
        assertThat(a.quality()).isEqualTo(42);
        assertThat(a.topics()).containsExactly("AI");
        assertThat(a.provider()).isEqualTo(new ArticleRecord.ProviderRecord("a.com", "a.com"));
        assertThat(item.related()).singleElement().satisfies(r -> {
            assertThat(r.rank()).isEqualTo(3);
            assertThat(r.article().publishedAt()).isEqualTo(Instant.parse("2020-06-12T00:00:00Z"));
        });
        assertThat(item.warnings()).extracting(LoadReport.Warning::message).containsExactlyInAnyOrder(
                "publishedDateTime: time without zone, UTC assumed",
                "'quality' is a number written as text ('42'): read as 42",
                "provider domain missing: taken from the URL host",
                "related entry 1 points at the item itself: skipped",
                "related entry 2 is a scalar, not a mapping: skipped",
                "publishedDateTime: date without time, midnight UTC assumed",
                "provider domain missing: taken from the URL host",
                "related entry 4 skipped: missing or empty 'webUrl'");
    }

    @Test
    void reportsTagsThatDecodeToSpacesAsInvalidYaml() {
        // found by fuzzing: SnakeYAML throws IllegalArgumentException, not YAMLException, for this tag
        BadFileException e = failure("---\ntitle: A\nwebUrl: https://a.com/x\ntopics: !x%20 AI\n---\n");
        assertThat(e.getMessage()).isEqualTo("invalid YAML: Tag must not contain leading or trailing spaces.");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void refusesGlobalTagsBeforeAnythingIsConstructed() {
        assertThat(failure("---\ntitle: !!javax.script.ScriptEngineManager [x]\nwebUrl: https://a.com/x\n---\n")
                .getMessage()).isEqualTo("invalid YAML: Global tag is not allowed: "
                        + "tag:yaml.org,2002:javax.script.ScriptEngineManager");
    }
}
