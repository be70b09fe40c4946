package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeedItemReaderTest {

    private final FeedItemReader reader = new FeedItemReader();

    static byte[] fixture(String name) {
        try (InputStream in = FeedItemReaderTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<ArticleRecord> articles(ParsedFile file) {
        return file.items().stream().map(ParsedItem::article).toList();
    }

    @Test
    void acceptsFeedNamesAndContentTypes() {
        assertThat(reader.accepts("latest.rss", null)).isTrue();
        assertThat(reader.accepts("/tmp/x/feed.ATOM", null)).isTrue();
        assertThat(reader.accepts("upload:news.xml", null)).isTrue();
        assertThat(reader.accepts("https://example.com/feed", "application/rss+xml; charset=UTF-8")).isTrue();
        assertThat(reader.accepts("feed", "application/atom+xml")).isTrue();
        assertThat(reader.accepts("feed", "text/xml")).isTrue();
        assertThat(reader.accepts("https://example.com/latest.rss?edition=uk", null)).isTrue();
        assertThat(reader.accepts("upload:https://example.com/latest#feed.xml", null)).isTrue(); // feeds' uploads
        assertThat(reader.accepts("story.md", null)).isFalse();
        assertThat(reader.accepts("rows.csv", "text/csv")).isFalse();
    }

    @Test
    void readsAnRss2Channel() throws BadFileException {
        ParsedFile file = reader.read("harbour-gazette.rss", fixture("harbour-gazette.rss"));
        assertThat(file.failures()).isEmpty();
        List<ArticleRecord> items = articles(file);
        assertThat(items).hasSize(10);
        ArticleRecord first = items.getFirst();
        assertThat(first.title()).isEqualTo("Port authority approves £40m dredging plan");
        assertThat(first.url()).isEqualTo("https://harbourgazette.co.uk/news/port-authority-dredging-plan");
        assertThat(first.originalUrl()).contains("utm_source=rss");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-03-03T09:30:00Z"));
        assertThat(first.excerpt()).isEqualTo("The board voted 7–2 to deepen the main channel, allowing larger "
                + "container ships to dock.");
        assertThat(first.topics()).containsExactly("Business", "Port");
        assertThat(first.provider().domain()).isEqualTo("harbourgazette.co.uk");
        assertThat(first.provider().name()).isEqualTo("The Harbour Gazette – Latest");
        assertThat(first.imageUrl()).isEqualTo("https://cdn.harbourgazette.co.uk/img/dredger-640.jpg");
        assertThat(first.full()).isTrue();
        assertThat(first.line()).isEqualTo(15);
        // escaped HTML in a description, an image enclosure
        assertThat(items.get(2).excerpt()).isEqualTo("Gusts of up to 70mph are expected overnight.");
        assertThat(items.get(2).imageUrl()).endsWith("storm-elin.jpg");
        // a zone name, an entity in a title
        assertThat(items.get(4).title()).isEqualTo("Fishermen & processors meet over quota row");
        assertThat(items.get(4).publishedAt()).isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));
        // a permalink guid stands for a missing link
        assertThat(items.get(5).url()).isEqualTo("https://harbourgazette.co.uk/news/lifeboat-kayak-rescue");
        assertThat(items.get(6).excerpt()).isEqualTo("The 21-year-old joins until the end of the season. More sport");
        assertThat(items).allSatisfy(a -> assertThat(a.publishedAt()).isNotNull());
    }

    @Test
    void readsAnAtomFeed() throws BadFileException {
        ParsedFile file = reader.read("northwind-wire.atom", fixture("northwind-wire.atom"));
        assertThat(file.failures()).isEmpty();
        assertThat(file.warnings()).isEmpty();
        List<ArticleRecord> items = articles(file);
        assertThat(items).hasSize(10);
        ArticleRecord first = items.getFirst();
        assertThat(first.title()).isEqualTo("Chipmaker unveils 2nm test wafers");
        assertThat(first.url()).isEqualTo("https://northwindwire.com/2026/03/03/chipmaker-2nm-wafers");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-03-03T09:58:00Z")); // published, not updated
        assertThat(first.excerpt()).isEqualTo("The company says volume production could start next year.");
        assertThat(first.topics()).containsExactly("Semiconductors", "hardware");
        assertThat(first.provider().name()).isEqualTo("Northwind Wire");
        assertThat(first.provider().domain()).isEqualTo("northwindwire.com");
        assertThat(items.get(1).publishedAt()).isEqualTo(Instant.parse("2026-03-03T07:40:00Z"));
        // html title, xhtml content, image enclosure
        assertThat(items.get(2).title()).isEqualTo("Battery startup’s solid-state cells pass crash test");
        assertThat(items.get(2).excerpt())
                .isEqualTo("Independent labs confirmed the result. Cars with the cells are two years away.");
        assertThat(items.get(2).imageUrl()).isEqualTo("https://img.northwindwire.com/2026/solid-state.png");
        // a relative link resolved against the feed's site; updated when there is no published
        assertThat(items.get(3).url()).isEqualTo("https://northwindwire.com/2026/03/02/lunar-lander-delay");
        assertThat(items.get(3).publishedAt()).isEqualTo(Instant.parse("2026-03-02T14:30:00Z"));
    }

    @Test
    void anItemWithoutLinkOrTitleFailsAlone() throws BadFileException {
        ParsedFile file = reader.read("bad-items.rss", fixture("bad-items.rss"));
        assertThat(articles(file)).extracting(ArticleRecord::title).containsExactly("A good item");
        assertThat(articles(file).getFirst().publishedAt()).isNull();
        assertThat(file.items().getFirst().warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("unreadable time"));
        assertThat(file.failures()).extracting(LoadReport.FileFailure::line).containsExactly(11, 15, 18);
        assertThat(file.failures()).extracting(LoadReport.FileFailure::reason).containsExactly(
                "item 2: missing or empty link", "item 3: missing or empty title",
                "item 4: invalid link: unsupported URL scheme 'mailto' (only http and https)");
    }

    @Test
    void malformedXmlFailsTheFileWithItsLine() {
        assertThatThrownBy(() -> reader.read("malformed.rss", fixture("malformed.rss")))
                .isInstanceOf(BadFileException.class)
                .hasMessageStartingWith("malformed XML")
                .satisfies(e -> assertThat(((BadFileException) e).line()).isEqualTo(9));
    }

    @Test
    void externalEntitiesAreRefused() {
        assertThatThrownBy(() -> reader.read("xxe.rss", fixture("xxe.rss")))
                .isInstanceOf(BadFileException.class)
                .hasMessageContaining("unsafe XML: a DOCTYPE");
    }

    @Test
    void billionLaughsIsRefusedAtOnce() {
        Instant start = Instant.now();
        assertThatThrownBy(() -> reader.read("billion-laughs.rss", fixture("billion-laughs.rss")))
                .isInstanceOf(BadFileException.class)
                .hasMessageContaining("unsafe XML: a DOCTYPE");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void notAFeedAndUndeclaredEntitiesFail() {
        assertThatThrownBy(() -> reader.read("x.xml", "<html><body/></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadFileException.class).hasMessageContaining("not an RSS or Atom feed");
        byte[] undeclared = "<rss><channel><item><title>&foo;</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read("x.rss", undeclared)).isInstanceOf(BadFileException.class);
        assertThatThrownBy(() -> reader.read("x.rss", new byte[0])).isInstanceOf(BadFileException.class);
    }

    @Test
    void rssTimesInTheirManyShapes() {
        List<LoadReport.Warning> w = new java.util.ArrayList<>();
        assertThat(FeedItemReader.time("Tue, 03 Mar 2026 09:30:00 GMT", w, "f", 1))
                .isEqualTo(Instant.parse("2026-03-03T09:30:00Z"));
        assertThat(FeedItemReader.time("3 Mar 2026 09:30 +0100", w, "f", 1))
                .isEqualTo(Instant.parse("2026-03-03T08:30:00Z"));
        assertThat(FeedItemReader.time("Tue, 03 Mar 2026 09:30:00 PST", w, "f", 1))
                .isEqualTo(Instant.parse("2026-03-03T17:30:00Z"));
        assertThat(FeedItemReader.time("2026-03-03T09:30:00+02:00", w, "f", 1))
                .isEqualTo(Instant.parse("2026-03-03T07:30:00Z"));
        assertThat(w).isEmpty();
    }
}
