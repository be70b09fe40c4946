package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path traversal: only the real paths under the configured roots may be read through the API. */
class IngestRootsTest {

    @TempDir
    Path dir;
    Path root;
    Path secret;
    IngestRoots roots;

    @BeforeEach
    void layout() throws Exception {
        root = Files.createDirectories(dir.resolve("inbox/day1"));
        Files.writeString(root.resolve("a.txt"), "---\ntitle: a\n---\n");
        secret = Files.writeString(dir.resolve("secret.txt"), "not for you");
        Files.createSymbolicLink(root.resolve("link-out.txt"), secret);
        Files.createSymbolicLink(root.resolve("dir-out"), dir);
        Files.createSymbolicLink(root.resolve("link-in.txt"), root.resolve("a.txt"));
        roots = new IngestRoots(List.of(dir.resolve("inbox")));
    }

    @Test
    void readsInsideTheRoots() {
        assertThat(roots.confine(root.toString()).path()).isEqualTo(root.toAbsolutePath());
        assertThat(roots.confine(root.resolve("a.txt").toString()).path()).isNotNull();
        assertThat(roots.confine(root.resolve("./../day1/a.txt").toString()).path()).isNotNull();
        assertThat(roots.confine(root.resolve("link-in.txt").toString()).path()).isNotNull();
    }

    @Test
    void refusesEverythingOutsideAlikeWhetherItExistsOrNot() {
        for (String outside : List.of(secret.toString(), root.resolve("../../secret.txt").toString(),
                root.resolve("../../no-such-file").toString(), "/etc/passwd", "/no/such/path",
                root.resolve("link-out.txt").toString(), root.resolve("dir-out/secret.txt").toString(),
                dir.resolve("inbox-other").toString())) {
            IngestRoots.Result result = roots.confine(outside);
            assertThat(result.path()).as(outside).isNull();
            assertThat(result.refusal().outside()).as(outside).isTrue();
            assertThat(result.refusal().reason()).startsWith("Path outside the allowed ingest roots");
        }
    }

    @Test
    void aMissingFileInsideIsABadRequestNotAForbiddenOne() {
        IngestRoots.Result result = roots.confine(root.resolve("missing.txt").toString());
        assertThat(result.refusal().outside()).isFalse();
        assertThat(result.refusal().reason()).startsWith("No such file or directory");
        assertThat(roots.confine("bad\0path").refusal().outside()).isFalse();
    }

    @Test
    void filesFoundInADirectoryAreCheckedByTheirRealPath() {
        assertThat(roots.contains(root.resolve("a.txt"))).isTrue();
        assertThat(roots.contains(root.resolve("link-in.txt"))).isTrue();
        assertThat(roots.contains(root.resolve("link-out.txt"))).isFalse();
        assertThat(roots.contains(root.resolve("dir-out/secret.txt"))).isFalse();
    }

    @Test
    void aMissingRootAllowsNothing() {
        IngestRoots none = new IngestRoots(List.of(dir.resolve("not-there")));
        assertThat(none.confine(dir.resolve("not-there/x").toString()).path()).isNull();
        assertThat(none.contains(root.resolve("a.txt"))).isFalse();
    }
}
