package org.storygraph.graph;

import java.nio.file.Path;

/** The embedded database directory is locked by another process, usually a running StoryGraph service. */
public class DatabaseInUseException extends RuntimeException {

    private final Path dataDir;

    public DatabaseInUseException(Path dataDir, Throwable cause) {
        super("The database in " + dataDir + " is in use by another process (is the StoryGraph service running?). "
                + "Stop it first, or send the files to the running service: "
                + "curl -H 'X-API-Key: $KEY' -F files=@FILE http://localhost:8080/api/ingest", cause);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
