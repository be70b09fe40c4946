package org.storygraph.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.storygraph.cli.Command;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.TimeRange;
import org.storygraph.export.ExportService.Format;

/**
 * {@code storygraph export (--story ID | --from T --to T | --leadlag [--from T] [--to T] [--min-shared N]
 * [--limit N]) [--format csv|json|graphml|gexf] [--out FILE]}: the exports of the REST API, to stdout or a file
 * (written under a temporary name and moved into place when complete). Exits 1 for an unknown story or when stdout
 * would not take the whole export, 2 on usage errors.
 */
@Component
class ExportCommand implements Command {

    static final String USAGE = "usage: storygraph export (--story ID | --from T --to T | --leadlag [--from T] "
            + "[--to T] [--min-shared N] [--limit N]) [--format csv|json|graphml|gexf] [--out FILE]";

    private final ExportService exports;

    ExportCommand(ExportService exports) {
        this.exports = exports;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String story = null;
        String fromText = null;
        String toText = null;
        Instant from;
        Instant to;
        boolean leadLag = false;
        int minShared = 1;
        int limit = 100_000;
        Format format = Format.CSV;
        Path file = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--story" -> story = value(args, ++i, a);
                    case "--from" -> fromText = value(args, ++i, a);
                    case "--to" -> toText = value(args, ++i, a);
                    case "--leadlag" -> leadLag = true;
                    case "--min-shared" -> minShared = positive(value(args, ++i, a), a);
                    case "--limit" -> limit = positive(value(args, ++i, a), a);
                    case "--format" -> {
                        String name = value(args, ++i, a);
                        format = Format.parse(name).orElseThrow(() -> new Usage(
                                "--format must be " + Format.NAMES + ", not '" + name + "'"));
                    }
                    case "--out" -> file = Path.of(value(args, ++i, a));
                    default -> throw new Usage("unknown argument " + a);
                }
            }
            try {
                TimeRange range = TimeRange.parse(fromText, toText);
                from = range.from();
                to = range.to();
            } catch (InvalidParameterException e) {
                throw new Usage(e.getMessage());
            }
            int selections = (story != null ? 1 : 0) + (leadLag ? 1 : 0);
            if (selections > 1 || (story != null && (from != null || to != null))) {
                throw new Usage("choose one of --story, --from/--to, --leadlag");
            }
            if (selections == 0 && (from == null || to == null)) {
                throw new Usage("a span needs both --from and --to");
            }
        } catch (Usage e) {
            err.println("export: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Format f = format;
        Consumer<OutputStream> export;
        String what;
        if (story != null) {
            String id = story;
            if (!exports.storyExists(id)) {
                err.println("export: no story with id '" + id + "'");
                return 1;
            }
            export = o -> exports.story(id, f, o);
            what = "story " + id;
        } else if (leadLag) {
            Instant lf = from;
            Instant lt = to;
            int shared = minShared;
            int max = limit;
            export = o -> exports.leadLag(lf, lt, shared, max, f, o);
            what = "lead/lag network";
        } else {
            Instant sf = from;
            Instant st = to;
            export = o -> exports.span(sf, st, f, o);
            what = "articles published in [" + sf + ", " + st + ")";
        }
        if (file == null) {
            export.accept(out);
            out.flush();
            if (out.checkError()) {
                err.println("export: could not write everything to stdout");
                return 1;
            }
        } else {
            write(file, export);
            err.println("export: " + what + " as " + f.extension() + " in " + file.toAbsolutePath());
        }
        return 0;
    }

    /** Writes next to the target and moves into place, so a failed export never leaves half a file. */
    private static void write(Path file, Consumer<OutputStream> export) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            try {
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(partial))) {
                    export.accept(o);
                }
                readableLikeAnyNewFile(partial);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Temporary files are created owner-only; the finished export gets the usual rw-r--r--. */
    private static void readableLikeAnyNewFile(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new Usage(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Usage(option + " must be a positive whole number, not '" + value + "'");
    }

    private static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message, null, false, false);
        }
    }
}
