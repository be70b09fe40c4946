package org.storygraph.ingest;

import static org.storygraph.ingest.FrontMatterYaml.isNull;
import static org.storygraph.ingest.FrontMatterYaml.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one news item from YAML front matter between two {@code ---} lines, in steps: {@link FrontMatterDecoder}
 * (bytes to text, the front matter block), {@link FrontMatterYaml} (SnakeYAML only <em>composes</em> the YAML into
 * nodes, with limits on aliases, nesting depth and size), {@link ArticleFields} (the item read field by field from
 * the nodes, keeping each node's line for messages, with {@link FeedTimes} and {@link TextCleaner}); the related
 * entries are read here.
 *
 * <p>Fatal for the file: not UTF-8, binary content, no or unterminated front matter, invalid YAML, duplicate keys,
 * a front matter that is not a mapping, a missing/empty {@code title} or {@code webUrl}, an invalid URL, an
 * unparsable {@code publishedDateTime}. Normalised with a warning: a time without zone (UTC assumed), a date without
 * time (midnight UTC), a missing provider or domain (taken from the URL host), numbers written as strings, a single
 * topic written as text; a related entry that is itself bad, or points at the item itself, is skipped.
 * Text is Unicode-normalised (NFC) with control characters removed and whitespace collapsed.
 */
final class FrontMatterParser implements ItemReader {

    /** File name endings read as front matter (the default include patterns). */
    static final List<String> EXTENSIONS = List.of(".txt", ".md", ".markdown", ".yaml", ".yml");


    private final int maxBytes;
    private final FrontMatterYaml yaml;

    FrontMatterParser(int maxBytes, int maxAliases, int maxNestingDepth) {
        this.maxBytes = maxBytes;
        this.yaml = new FrontMatterYaml(maxBytes, maxAliases, maxNestingDepth);
    }

    @Override
    public boolean accepts(String fileName, String contentType) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (EXTENSIONS.stream().anyMatch(name::endsWith)) {
            return true;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/markdown") || type.startsWith("text/x-markdown")
                || type.startsWith("application/yaml") || type.startsWith("text/yaml");
    }

    /** One file, one item. */
    @Override
    public ParsedFile read(String path, byte[] bytes) throws BadFileException {
        return ParsedFile.of(parse(path, bytes));
    }

    ParsedItem parse(String file, byte[] bytes) throws BadFileException {
        FrontMatterDecoder.Block block = FrontMatterDecoder.frontMatter(bytes, maxBytes);
        int lineOffset = block.lineOffset();
        Node root = yaml.compose(block.yaml(), lineOffset);
        if (root == null) {
            throw new BadFileException(block.openLine(), "empty front matter");
        }
        List<LoadReport.Warning> warnings = new ArrayList<>();
        ArticleFields reader = new ArticleFields(file, lineOffset, warnings);
        if (!(root instanceof MappingNode mapping)) {
            throw new BadFileException(reader.line(root), "front matter is " + kind(root) + ", expected a mapping");
        }
        Map<String, NodeTuple> fields = reader.fields(mapping, true);
        ArticleRecord article = reader.article(fields, true, reader.line(root));
        List<ArticleRecord.Related> related = new ArrayList<>();
        NodeTuple relatedField = fields.get("related");
        if (relatedField != null && !isNull(relatedField.getValueNode())) {
            Node value = relatedField.getValueNode();
            if (value instanceof SequenceNode seq) {
                int rank = 0;
                for (Node entry : seq.getValue()) {
                    rank++;
                    int line = reader.line(entry);
                    if (!(entry instanceof MappingNode entryMap)) {
                        reader.warn(line, "related entry " + rank + " is " + kind(entry) + ", not a mapping: skipped");
                        continue;
                    }
                    // warnings about an entry that is then skipped would only be noise: keep the skip reason
                    int warningsBefore = warnings.size();
                    try {
                        ArticleRecord r = reader.article(reader.fields(entryMap, true), false, line);
                        if (r.url().equals(article.url())) {
                            warnings.subList(warningsBefore, warnings.size()).clear();
                            reader.warn(line, "related entry " + rank + " points at the item itself: skipped");
                            continue;
                        }
                        related.add(new ArticleRecord.Related(r, rank));
                    } catch (BadFileException e) {
                        warnings.subList(warningsBefore, warnings.size()).clear();
                        reader.warn(e.line(), "related entry " + rank + " skipped: " + e.getMessage());
                    }
                }
            } else {
                reader.warn(reader.line(value), "'related' is " + kind(value) + ", not a list: ignored");
            }
        }
        return new ParsedItem(article, List.copyOf(related), List.copyOf(warnings));
    }
}
