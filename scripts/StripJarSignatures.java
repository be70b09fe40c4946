import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signature files ({@code META-INF/*.SF}, {@code .RSA}, {@code .DSA}, {@code .EC}) from the jars in a
 * directory, in place: {@code java scripts/StripJarSignatures.java DIR}. Used by {@code ./storygraph} on its own
 * extracted copy of the application's libraries before recording the start-up (AOT) cache: the JVM leaves classes of
 * signed jars out of the cache and checks every class it loads from them against the signature (digests and RSA),
 * which costs about a second of each start for the two signed jars Neo4j uses (eclipse-collections). Maven has
 * already checked these jars' checksums when it downloaded them; the jar in {@code target/} is left as built.
 */
public class StripJarSignatures {

    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java StripJarSignatures.java DIR");
            System.exit(2);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            if (signed(jar)) {
                strip(jar);
            }
        }
    }

    private static boolean signed(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> SIGNATURE.matcher(e.getName()).matches());
        }
    }

    private static void strip(Path jar) throws IOException {
        Path copy = jar.resolveSibling(jar.getFileName() + ".unsigned");
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : in.stream().toList()) {
                if (SIGNATURE.matcher(entry.getName()).matches()) {
                    continue;
                }
                ZipEntry kept = new ZipEntry(entry.getName());
                kept.setTime(entry.getTime());
                out.putNextEntry(kept);
                try (var data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
