package org.storygraph.ingest;

import org.storygraph.common.UrlCanonicalizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@link FrontMatterParser#parse} on arbitrary bytes, with the production limits (5 MB, 50 aliases, nesting 40):
 * it either returns an item the writer can store as it is, or throws {@link BadFileException} with a reason and a
 * line inside the file. Any other exception, a hang or running out of memory is a finding.
 *
 * <p>A normal build runs the committed inputs in {@code FrontMatterParserFuzzTestInputs/parse} (the seeds, the
 * bad-input corpus and past findings); {@code JAZZER_FUZZ=1} fuzzes (see docs/reliability.md).
 */
class FrontMatterParserFuzzTest {

    private static final FrontMatterParser PARSER = new FrontMatterParser(5 * 1024 * 1024, 50, 40);

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] bytes) {
        ParsedItem item;
        try {
            item = PARSER.parse("fuzz.txt", bytes);
        } catch (BadFileException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.line()).isBetween(0, lineCount(bytes));
            assertThat(isWritableText(e.getMessage())).as("reason is valid text").isTrue();
            return;
        }
        ArticleRecord article = item.article();
        assertRecord(article, bytes);
        assertThat(article.full()).isTrue();
        int previousRank = 0;
        for (ArticleRecord.Related related : item.related()) {
            assertRecord(related.article(), bytes);
            assertThat(related.article().full()).isFalse();
            assertThat(related.article().url()).isNotEqualTo(article.url());
            assertThat(related.rank()).isGreaterThan(previousRank);
            previousRank = related.rank();
        }
        for (LoadReport.Warning warning : item.warnings()) {
            assertThat(warning.message()).isNotBlank();
            assertThat(warning.line()).isBetween(0, lineCount(bytes));
            assertThat(isWritableText(warning.message())).as("warning is valid text").isTrue();
        }
    }

    /** What the writer relies on: a title, a canonical URL, a provider, text that encodes as UTF-8. */
    private static void assertRecord(ArticleRecord record, byte[] bytes) {
        assertThat(record.title()).isNotBlank();
        assertThat(isCleanText(record.title())).as("clean title").isTrue();
        assertThat(record.excerpt() == null || isCleanText(record.excerpt())).as("clean excerpt").isTrue();
        assertThat(UrlCanonicalizer.canonicalize(record.url())).isEqualTo(record.url());
        assertThat(UrlCanonicalizer.canonicalize(record.originalUrl())).isEqualTo(record.url());
        assertThat(record.provider().domain()).isNotBlank();
        assertThat(isWritableText(record.provider().name())).as("provider name is valid text").isTrue();
        assertThat(record.topics()).allSatisfy(t -> assertThat(isCleanText(t)).as("clean topic").isTrue());
        assertThat(record.line()).isBetween(1, lineCount(bytes));
    }

    /** Normalised text: no control characters, no unpaired surrogates, no leading or trailing space. */
    private static boolean isCleanText(String s) {
        return isWritableText(s) && s.equals(s.strip()) && s.chars().noneMatch(Character::isISOControl);
    }

    /** Text that survives a round trip through UTF-8 (which the driver and the JSON report use). */
    private static boolean isWritableText(String s) {
        return s != null && new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s);
    }

    private static int lineCount(byte[] bytes) {
        int lines = 1;
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                lines++;
            }
        }
        return lines;
    }
}
