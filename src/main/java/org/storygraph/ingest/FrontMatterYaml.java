package org.storygraph.ingest;

import java.io.StringReader;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The second step: the front matter's YAML <em>composed</em> into a node tree by SnakeYAML (no object construction,
 * so no tag can instantiate anything), with limits on aliases, nesting depth and size. Every YAML error becomes a
 * {@link BadFileException} with the file line it happened on; and a few questions about nodes.
 */
final class FrontMatterYaml {

    private final int maxBytes;
    private final int maxAliases;
    private final int maxNestingDepth;

    FrontMatterYaml(int maxBytes, int maxAliases, int maxNestingDepth) {
        this.maxBytes = maxBytes;
        this.maxAliases = maxAliases;
        this.maxNestingDepth = maxNestingDepth;
    }

    /**
     * The document's root node, or null for an empty document.
     *
     * @param lineOffset the file line (1-based) of the YAML's first line
     */
    Node compose(String yaml, int lineOffset) throws BadFileException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(maxAliases);
        options.setNestingDepthLimit(maxNestingDepth);
        options.setCodePointLimit(Math.max(maxBytes, 1024));
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        // what Yaml.compose does, with the parser wrapped so that errors without a mark still get a line
        MarkingParser parser = new MarkingParser(new ParserImpl(new StreamReader(new StringReader(yaml)), options));
        try {
            return new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + lineOffset;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            problem = problem.replace("end of stream", "end of the front matter");
            String context = "";
            if (e.getContext() != null) {
                Mark contextMark = e.getContextMark();
                int contextLine = contextMark == null ? 0 : contextMark.getLine() + lineOffset;
                context = e.getContext() + (contextLine > 0 && contextLine != line
                        ? " (from line " + contextLine + ")" : "") + ": ";
            }
            throw new BadFileException(line, "invalid YAML: " + context + problem);
        } catch (YAMLException e) {
            int line = parser.lastLine() < 0 ? 0 : parser.lastLine() + lineOffset;
            String message = firstLine(e.getMessage());
            if (message.startsWith("Number of aliases for non-scalar nodes exceeds")) {
                message = "more than " + maxAliases + " aliases of lists or mappings: refused as a possible "
                        + "alias bomb ('billion laughs')";
            } else if (message.startsWith("Nesting Depth exceeded")) {
                message = "nested deeper than " + maxNestingDepth + " levels";
            }
            throw new BadFileException(line, "invalid YAML: " + message);
        } catch (StackOverflowError e) {
            throw new BadFileException(0, "invalid YAML: nesting too deep");
        } catch (RuntimeException e) {
            // SnakeYAML signals a few input errors with other exceptions (a tag that decodes to text with spaces:
            // IllegalArgumentException, found by fuzzing); they are still errors of the file, not of the loader
            int line = parser.lastLine() < 0 ? 0 : parser.lastLine() + lineOffset;
            throw new BadFileException(line, "invalid YAML: " + firstLine(e.getMessage()));
        }
    }

    /** A YAML parser that remembers the line of the last event it handed out (0-based; -1 before the first). */
    private static final class MarkingParser implements Parser {
        private final Parser delegate;
        private int lastLine = -1;

        MarkingParser(Parser delegate) {
            this.delegate = delegate;
        }

        int lastLine() {
            return lastLine;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return delegate.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = delegate.getEvent();
            if (event != null && event.getStartMark() != null) {
                lastLine = event.getStartMark().getLine();
            }
            return event;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Whether a value is absent: no node, a null, or an empty plain scalar ({@code key:}). */
    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && (Tag.NULL.equals(s.getTag())
                || (s.getValue().isEmpty() && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN)));
    }

    /** What a node is, for messages: "a mapping", "a list", "a scalar". */
    static String kind(Node node) {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s -> "a scalar";
            default -> "an unknown node";
        };
    }

    /** For a plain scalar YAML reads as a number or a boolean: what it is ("a number"); otherwise null. */
    static String plainNonText(Node node) {
        if (!(node instanceof ScalarNode scalar) || scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return null;
        }
        if (Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag())) {
            return "a number";
        }
        return Tag.BOOL.equals(scalar.getTag()) ? "a yes/no value" : null;
    }
}
