package org.storygraph.ingest;

import static org.storygraph.ingest.TextCleaner.abbreviate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jsoup.Jsoup;
import org.storygraph.common.InvalidUrlException;
import org.storygraph.common.UrlCanonicalizer;

/**
 * RSS 2.0 (and 0.9x / 1.0) and Atom 1.0 feeds: one article per {@code <item>} / {@code <entry>}.
 * <p>
 * Read with the JDK's StAX parser, DTDs refused: a {@code <!DOCTYPE>} anywhere fails the whole file (no external
 * entities, no entity expansion, so neither XXE nor "billion laughs" can start). An item without a usable link or
 * title fails alone, with the XML line of its element; the other items load. HTML in titles, descriptions,
 * summaries and contents is reduced to its text (jsoup). See docs/ingest.md, "RSS and Atom", for the field mapping.
 */
final class FeedItemReader implements ItemReader {

    static final Set<String> CONTENT_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/xml", "text/xml", "application/rdf+xml");

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "tr", "td", "th", "pre", "section", "article");
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** Nesting deeper than this is not a feed (and would only cost stack and memory). */
    private static final int MAX_DEPTH = 64;
    /** Excerpts are summaries: longer text (a full article in {@code content:encoded}) is cut. */
    static final int MAX_EXCERPT = 2000;
    /** Hosts that only redirect to the article: the provider is the feed's site, not them. */
    private static final Set<String> REDIRECTORS = Set.of("feedproxy.google.com", "feeds.feedburner.com",
            "news.google.com", "rss.app");

    @Override
    public boolean accepts(String fileName, String contentType) {
        if (contentType != null) {
            String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (CONTENT_TYPES.contains(type)) {
                return true;
            }
        }
        if (fileName == null) {
            return false;
        }
        // as named, or a URL's path without its query ("feed.rss?x=1"); "URL#feed.xml" names a feed URL's response
        String name = fileName.toLowerCase(Locale.ROOT);
        return feedName(name) || feedName(name.replaceFirst("[?#].*$", ""));
    }

    private static boolean feedName(String name) {
        return name.endsWith(".rss") || name.endsWith(".atom") || name.endsWith(".xml");
    }

    @Override
    public ParsedFile read(String path, byte[] bytes) throws BadFileException {
        Element root = parse(bytes);
        List<ParsedItem> items = new ArrayList<>();
        List<LoadReport.FileFailure> failures = new ArrayList<>();
        List<LoadReport.Warning> warnings = new ArrayList<>();
        switch (root.name) {
            case "rss", "RDF" -> {
                Element channel = root.child("channel");
                String feedTitle = channel == null ? null : html(channel.text("title"));
                String feedLink = channel == null ? null : channel.text("link");
                // RSS 2.0: items inside the channel; RSS 1.0 (RDF): beside it
                List<Element> entries = new ArrayList<>(channel == null ? List.of() : channel.children("item"));
                entries.addAll(root.children("item"));
                int index = 0;
                for (Element item : entries) {
                    index++;
                    read(path, item, index, false, feedTitle, feedLink, items, failures);
                }
            }
            case "feed" -> {
                if (!ATOM.equals(root.namespace)) {
                    warnings.add(new LoadReport.Warning(path, root.line,
                            "<feed> is not in the Atom namespace: read as Atom"));
                }
                String feedTitle = atomText(root.child("title"));
                String feedLink = atomLink(root, null);
                int index = 0;
                for (Element entry : root.children("entry")) {
                    index++;
                    read(path, entry, index, true, feedTitle, feedLink, items, failures);
                }
            }
            default -> throw new BadFileException(root.line, "not an RSS or Atom feed: the root element is <"
                    + abbreviate(root.name) + ">");
        }
        if (items.isEmpty() && failures.isEmpty()) {
            warnings.add(new LoadReport.Warning(path, root.line, "the feed has no items"));
        }
        return new ParsedFile(items, failures, warnings);
    }

    private static void read(String path, Element item, int index, boolean atom, String feedTitle, String feedLink,
            List<ParsedItem> items, List<LoadReport.FileFailure> failures) {
        int line = item.line > 0 ? item.line : index;
        List<LoadReport.Warning> warnings = new ArrayList<>();
        try {
            items.add(new ParsedItem(atom ? atomEntry(path, item, line, feedTitle, feedLink, warnings)
                    : rssItem(path, item, line, feedTitle, feedLink, warnings), List.of(), warnings));
        } catch (BadFileException e) {
            failures.add(new LoadReport.FileFailure(path, e.line(), (atom ? "entry " : "item ") + index + ": "
                    + e.getMessage()));
        }
    }

    private static ArticleRecord rssItem(String path, Element item, int line, String feedTitle, String feedLink,
            List<LoadReport.Warning> warnings) throws BadFileException {
        String title = html(item.text("title"));
        String link = item.text("link");
        if (blank(link)) {
            Element guid = item.child("guid");
            if (guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink"))
                    && guid.text().strip().matches("(?i)https?://.*")) {
                link = guid.text();
            }
        }
        String time = firstNonBlank(item.text("pubDate"), item.text("date"), item.text("published"),
                item.text("updated"));
        String excerpt = firstNonBlank(item.text("description"), item.text("encoded"));
        Set<String> topics = new LinkedHashSet<>();
        for (Element c : item.children("category")) {
            addTopic(topics, c.text());
        }
        for (Element c : item.children("subject")) {
            addTopic(topics, c.text());
        }
        String image = null;
        for (Element e : item.elements()) {
            if ((e.name.equals("enclosure") && String.valueOf(e.attr("type")).startsWith("image/"))
                    || e.name.equals("thumbnail")
                    || (e.name.equals("content") && String.valueOf(e.attr("medium")).equals("image"))) {
                image = e.attr("url");
                if (!blank(image)) {
                    break;
                }
            }
        }
        return article(path, line, title, link, feedLink, time, html(excerpt), topics, image, feedTitle, warnings);
    }

    private static ArticleRecord atomEntry(String path, Element entry, int line, String feedTitle, String feedLink,
            List<LoadReport.Warning> warnings) throws BadFileException {
        String title = atomText(entry.child("title"));
        String link = atomLink(entry, feedLink);
        String time = firstNonBlank(entry.text("published"), entry.text("updated"), entry.text("issued"));
        String excerpt = atomText(entry.child("summary"));
        if (excerpt == null) {
            excerpt = atomText(entry.child("content"));
        }
        Set<String> topics = new LinkedHashSet<>();
        for (Element c : entry.children("category")) {
            addTopic(topics, firstNonBlank(c.attr("label"), c.attr("term")));
        }
        String image = null;
        for (Element l : entry.children("link")) {
            if ("enclosure".equals(l.attr("rel")) && String.valueOf(l.attr("type")).startsWith("image/")) {
                image = l.attr("href");
                break;
            }
        }
        String source = null;
        Element src = entry.child("source");
        if (src != null) {
            source = atomText(src.child("title"));
        }
        return article(path, line, title, link, feedLink, time, excerpt, topics, image,
                source != null ? source : feedTitle, warnings);
    }

    private static ArticleRecord article(String path, int line, String title, String link, String feedLink,
            String time, String excerpt, Set<String> topics, String image, String feedTitle,
            List<LoadReport.Warning> warnings) throws BadFileException {
        String cleanTitle = TextCleaner.clean(title);
        if (cleanTitle == null) {
            throw new BadFileException(line, "missing or empty title");
        }
        if (blank(link)) {
            throw new BadFileException(line, "missing or empty link");
        }
        String url;
        try {
            url = UrlCanonicalizer.canonicalize(link.strip());
        } catch (InvalidUrlException e) {
            throw new BadFileException(line, "invalid link: " + e.getMessage());
        }
        Instant publishedAt = null;
        if (!blank(time)) {
            try {
                publishedAt = time(time, warnings, path, line);
            } catch (DateTimeParseException e) {
                warnings.add(new LoadReport.Warning(path, line, "unreadable time '" + abbreviate(time.strip())
                        + "': ignored"));
            }
        }
        String domain = UrlCanonicalizer.domainOf(url);
        if (REDIRECTORS.contains(domain) && feedLink != null) {
            try {
                domain = UrlCanonicalizer.domainOf(UrlCanonicalizer.canonicalize(feedLink.strip()));
            } catch (InvalidUrlException e) {
                // keep the link's host
            }
        }
        String name = TextCleaner.clean(feedTitle);
        String imageUrl = null;
        if (!blank(image)) {
            try {
                UrlCanonicalizer.canonicalize(image.strip());
                imageUrl = image.strip();
            } catch (InvalidUrlException e) {
                warnings.add(new LoadReport.Warning(path, line, "image URL ignored: " + e.getMessage()));
            }
        }
        String cleanExcerpt = TextCleaner.clean(excerpt);
        if (cleanExcerpt != null && cleanExcerpt.length() > MAX_EXCERPT) {
            cleanExcerpt = cleanExcerpt.substring(0, cleanExcerpt.offsetByCodePoints(0, MAX_EXCERPT - 200)) + "…";
        }
        return new ArticleRecord(url, link.strip(), cleanTitle, cleanExcerpt, publishedAt, null, null, null, null,
                null, imageUrl, new ArticleRecord.ProviderRecord(domain, name == null ? domain : name),
                List.copyOf(topics), true, line);
    }

    /** RFC 822 times of RSS ({@code Tue, 10 Jun 2003 04:00:00 GMT}, with zone names), else ISO-8601 (Atom, dc:date). */
    static Instant time(String text, List<LoadReport.Warning> warnings, String path, int line) {
        String s = text.strip().replaceAll("\\s+", " ");
        String rfc = s.replaceFirst("^[A-Za-z]{3,9},? ", "") // the weekday is redundant (and often wrong)
                .replaceFirst("(?i) (UT|Z)$", " GMT")
                .replaceFirst(" EDT$", " -0400").replaceFirst(" EST$", " -0500")
                .replaceFirst(" CDT$", " -0500").replaceFirst(" CST$", " -0600")
                .replaceFirst(" MDT$", " -0600").replaceFirst(" MST$", " -0700")
                .replaceFirst(" PDT$", " -0700").replaceFirst(" PST$", " -0800");
        for (String pattern : List.of("d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm zzz",
                "d MMM yyyy HH:mm Z", "d MMM yy HH:mm:ss Z", "d MMM yy HH:mm:ss zzz")) {
            try {
                return ZonedDateTime.parse(rfc, DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)).toInstant();
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        List<String> notes = new ArrayList<>();
        Instant instant = FeedTimes.parse(s, notes);
        notes.forEach(n -> warnings.add(new LoadReport.Warning(path, line, "time: " + n)));
        return instant;
    }

    private static void addTopic(Set<String> topics, String raw) {
        String topic = TextCleaner.clean(raw);
        if (topic != null && topic.length() <= 200) {
            topics.add(topic);
        }
    }

    /** An Atom text construct: plain text, escaped HTML ({@code type="html"}) or inline XHTML. */
    private static String atomText(Element e) {
        if (e == null) {
            return null;
        }
        String type = e.attr("type");
        if ("xhtml".equals(type)) {
            return TextCleaner.clean(e.deepText());
        }
        return html(e.text());
    }

    /** The {@code alternate} link (or one without rel) of an Atom feed or entry, resolved against {@code base}. */
    private static String atomLink(Element e, String base) {
        String href = null;
        for (Element l : e.children("link")) {
            String rel = l.attr("rel");
            if (rel == null || rel.equals("alternate")) {
                href = l.attr("href");
                break;
            }
        }
        if (blank(href)) {
            return null;
        }
        if (base != null && !href.contains("://")) {
            try {
                return URI.create(base.strip()).resolve(href.strip()).toString();
            } catch (IllegalArgumentException e2) {
                return href;
            }
        }
        return href;
    }

    /** Text with HTML markup and entities reduced to plain text. */
    static String html(String text) {
        if (text == null) {
            return null;
        }
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        return Jsoup.parse(text).text();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v;
            }
        }
        return null;
    }

    // ---- XML ----

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever is on the class path
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The document as a small element tree; a DOCTYPE, malformed XML or absurd nesting fail the file. */
    static Element parse(byte[] bytes) throws BadFileException {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            Deque<Element> open = new ArrayDeque<>();
            Element root = null;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new BadFileException(line(xml),
                            "unsafe XML: a DOCTYPE (DTDs and entity declarations are refused)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new BadFileException(line(xml),
                            "unsafe XML: an entity reference (&" + abbreviate(String.valueOf(xml.getLocalName()))
                                    + ";)");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw new BadFileException(line(xml), "XML nested deeper than " + MAX_DEPTH);
                        }
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            attrs.putIfAbsent(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                        }
                        Element e = new Element(xml.getLocalName(), xml.getNamespaceURI(), attrs, line(xml));
                        if (open.isEmpty()) {
                            root = e;
                        } else {
                            open.peek().children.add(e);
                            e.xhtml = open.peek().xhtml;
                        }
                        if ("xhtml".equals(attrs.get("type"))) {
                            e.xhtml = e;
                            e.deep = new StringBuilder();
                        } else if (e.xhtml != null && BLOCKS.contains(e.name)) {
                            e.xhtml.deep.append(' ');
                        }
                        open.push(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            Element current = open.peek();
                            current.text.append(xml.getText());
                            if (current.xhtml != null) {
                                current.xhtml.deep.append(xml.getText());
                            }
                        }
                    }
                    default -> {
                        // comments, processing instructions
                    }
                }
            }
            if (root == null) {
                throw new BadFileException(0, "no XML element");
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            String message = String.valueOf(e.getMessage()).replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[[^]]*]\\s*Message:\\s*", "");
            throw new BadFileException(line, "malformed XML: " + abbreviate(message.strip()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // nothing held
                }
            }
        }
    }

    private static int line(XMLStreamReader xml) {
        return xml.getLocation() == null ? 0 : Math.max(0, xml.getLocation().getLineNumber());
    }

    /** An XML element: local name, namespace, attributes by local name, its own text, its children. */
    static final class Element {
        final String name;
        final String namespace;
        final Map<String, String> attributes;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<Element> children = new ArrayList<>();
        /** The nearest element (this or an ancestor) of {@code type="xhtml"}, which collects the text inside it. */
        Element xhtml;
        StringBuilder deep;

        Element(String name, String namespace, Map<String, String> attributes, int line) {
            this.name = name;
            this.namespace = namespace;
            this.attributes = attributes;
            this.line = line;
        }

        String attr(String name) {
            return attributes.get(name);
        }

        String text() {
            return text.toString();
        }

        Element child(String name) {
            for (Element c : children) {
                if (c.name.equals(name)) {
                    return c;
                }
            }
            return null;
        }

        List<Element> children(String name) {
            return children.stream().filter(c -> c.name.equals(name)).toList();
        }

        /** The text of the first child of this name; null without one. */
        String text(String name) {
            Element c = child(name);
            return c == null ? null : c.text();
        }

        List<Element> elements() {
            return children;
        }

        /** This element's text with its descendants', in document order (only kept for {@code type="xhtml"}). */
        String deepText() {
            return deep == null ? text() : deep.toString();
        }
    }
}
