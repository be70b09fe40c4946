package org.storygraph.graph;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a locked embedded database into Boot's short "APPLICATION FAILED TO START" report instead of a trace. */
class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other process using " + cause.dataDir() + ", or point this one at another directory "
                        + "(storygraph.neo4j.embedded.data-dir) or at a Neo4j server (storygraph.neo4j.uri).",
                cause);
    }
}
