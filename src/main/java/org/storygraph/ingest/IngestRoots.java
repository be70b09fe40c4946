package org.storygraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server directories {@code POST /api/ingest} may read ({@code storygraph.ingest.allowed-roots}). A path is
 * inside when its real path (symbolic links resolved) lies under a root's real path; a path outside is refused the
 * same way whether it exists or not, so the API does not reveal which files exist elsewhere.
 */
final class IngestRoots {

    /** Why a path was refused: {@code outside} (403) or {@code unusable} inside a root (400). */
    record Refusal(boolean outside, String reason) {
    }

    private final List<Path> roots;
    /** Real paths of the roots that exist, resolved once (a missing root allows nothing). */
    private final List<Path> realRoots;

    IngestRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
        List<Path> real = new ArrayList<>();
        for (Path root : this.roots) {
            realPath(root.toAbsolutePath().normalize()).ifPresent(real::add);
        }
        this.realRoots = List.copyOf(real);
    }

    /** The real path of {@code given} when it may be read, else why not. */
    Result confine(String given) {
        Path normalized;
        try {
            normalized = Path.of(given).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return new Result(null, new Refusal(false, "Unusable path: " + given));
        }
        if (realRoots.stream().noneMatch(normalized::startsWith)
                && roots.stream().map(r -> r.toAbsolutePath().normalize()).noneMatch(normalized::startsWith)) {
            return new Result(null, new Refusal(true, "Path outside the allowed ingest roots: " + given));
        }
        if (!Files.exists(normalized)) {
            return new Result(null, new Refusal(false, "No such file or directory: " + given));
        }
        Optional<Path> real = realPath(normalized);
        if (real.isEmpty() || !contains(real.get())) {
            // a symbolic link inside a root that leads out of it
            return new Result(null, new Refusal(true, "Path outside the allowed ingest roots: " + given));
        }
        return new Result(real.get(), null);
    }

    /** Whether a file found while walking a directory may be read (its real path is inside a root). */
    boolean contains(Path file) {
        Optional<Path> real = realPath(file);
        return real.isPresent() && realRoots.stream().anyMatch(real.get()::startsWith);
    }

    record Result(Path path, Refusal refusal) {
    }

    private static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
