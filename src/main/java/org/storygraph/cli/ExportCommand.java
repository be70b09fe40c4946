package org.storygraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.TimeRange;
import org.storygraph.export.ExportService;
import org.storygraph.export.ExportService.Format;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code storygraph export (--story ID | --from T --to T | --leadlag [--from T] [--to T] [--min-shared N]
 * [--limit N]) [--format csv|json|graphml|gexf] [--out FILE]}: the exports of the REST API, to stdout or a file
 * (written under a temporary name and moved into place when complete). Exits 1 for an unknown story or when stdout
 * would not take the whole export, 2 on usage errors.
 */
@Command(name = "export",
        customSynopsis = {"storygraph export --story=ID [--format=FORMAT] [--out=FILE]",
                "       storygraph export --from=T --to=T [--format=FORMAT] [--out=FILE]",
                "       storygraph export --leadlag [--from=T] [--to=T] [--min-shared=N]",
                "                         [--limit=N] [--format=FORMAT] [--out=FILE]"},
        description = {"Export a story, the articles of a time span or the lead/lag network.",
                "As the REST API does (see docs/exports.md): a story, the articles published in [from, to) or the "
                        + "lead/lag network of the providers; to stdout without --out.",
                "Times: 2020-06-11, 2020-06-11T09:53 (UTC) or 2020-06-11T09:53:00+02:00."})
class ExportCommand implements Callable<Integer> {

    @Option(names = "--story", paramLabel = "ID", description = "one story")
    String story;

    @Option(names = "--from", paramLabel = "T", converter = Time.class,
            description = "start of the span (inclusive); for --leadlag, stories overlapping [from, to)")
    Instant from;

    @Option(names = "--to", paramLabel = "T", converter = Time.class, description = "end of the span (exclusive)")
    Instant to;

    @Option(names = "--leadlag", description = "the lead/lag network: who publishes first on shared stories")
    boolean leadLag;

    @Option(names = "--min-shared", paramLabel = "N", defaultValue = "1", converter = PositiveInt.class,
            description = "lead/lag pairs sharing at least N stories (default ${DEFAULT-VALUE})")
    int minShared;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100000", converter = PositiveInt.class,
            description = "at most N lead/lag edges (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", converter = FormatName.class,
            description = "csv, json, graphml or gexf (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (complete or not at all)")
    Path file;

    @Spec
    CommandSpec spec;

    private final CliContext cli;

    ExportCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        int selections = (story != null ? 1 : 0) + (leadLag ? 1 : 0);
        if (selections > 1 || (story != null && (from != null || to != null))) {
            throw new ParameterException(spec.commandLine(), "choose one of --story, --from/--to, --leadlag");
        }
        if (selections == 0 && (from == null || to == null)) {
            throw new ParameterException(spec.commandLine(), "a span needs both --from and --to");
        }
        try {
            new TimeRange(from, to);
        } catch (InvalidParameterException e) {
            throw new ParameterException(spec.commandLine(), "--from must be before --to");
        }
        PrintStream out = cli.out();
        PrintStream err = cli.err();
        ExportService exports = cli.bean(ExportService.class);
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

    /** {@code --from}, {@code --to}. */
    static final class Time implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return TimeRange.dateTime(value, ZoneOffset.UTC).map(OffsetDateTime::toInstant)
                    .orElseThrow(() -> new TypeConversionException("expected " + TimeRange.FORMATS + ", not '"
                            + value + "'"));
        }
    }

    /** {@code --format}: any case. */
    static final class FormatName implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.parse(value).orElseThrow(() -> new TypeConversionException(
                    "expected " + Format.NAMES + ", not '" + value + "'"));
        }
    }
}
