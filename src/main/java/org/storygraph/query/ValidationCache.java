package org.storygraph.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the last validations of the saved queries found, in a small file, so that a command does not EXPLAIN every
 * query on a cold planner again when nothing changed. An entry's key is the SHA-256 of the query file's name and
 * text and of the database's identity (the server agent, e.g. {@code Neo4j/2026.08.1}, and the applied schema
 * migrations with their checksums): editing a file, upgrading Neo4j or migrating the schema misses the cache and
 * validates again. The value is the error, or nothing for a valid query. One line per entry, {@code key<TAB>error};
 * the file is replaced atomically and holds only the entries of the latest validation. A file that cannot be read or
 * written only costs the EXPLAINs (logged at debug).
 */
final class ValidationCache {

    private static final Logger log = LoggerFactory.getLogger(ValidationCache.class);
    private static final String HEADER = "# StoryGraph: saved-query validation results (safe to delete)";

    private final Path file;
    private final Map<String, String> previous;
    private final Map<String, String> current = new TreeMap<>();

    private ValidationCache(Path file, Map<String, String> previous) {
        this.file = file;
        this.previous = previous;
    }

    /** The cache in {@code file}; null {@code file}: no cache (every lookup misses, nothing is written). */
    static ValidationCache open(Path file) {
        Map<String, String> entries = new HashMap<>();
        if (file != null && Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (!line.startsWith("#") && tab == 64) {
                        entries.put(line.substring(0, tab), unescape(line.substring(tab + 1)));
                    }
                }
            } catch (IOException e) {
                log.debug("Cannot read {}: {}", file, e.toString());
            }
        }
        return new ValidationCache(file, entries);
    }

    /** The key of a query file's validation against a database identity. */
    static String key(String fileName, String text, String database) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(fileName, text, database)) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recorded outcome: empty = not known; a present empty string = valid; otherwise the error. */
    Optional<String> find(String key) {
        return Optional.ofNullable(previous.get(key));
    }

    /** Records an outcome of this validation (null or empty error: valid). */
    synchronized void put(String key, String error) {
        current.put(key, error == null ? "" : error);
    }

    /** Writes this validation's entries (only when they differ from the file's). */
    synchronized void save() {
        if (file == null || current.equals(previous)) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        current.forEach((k, v) -> text.append(k).append('\t').append(escape(v)).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".saved-queries", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.debug("Cannot write {}: {}", file, e.toString());
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
