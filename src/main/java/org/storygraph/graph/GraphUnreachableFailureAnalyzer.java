package org.storygraph.graph;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A configured server that does not answer: Boot's short report naming the URI, the cause and the ways out. */
class GraphUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<GraphUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GraphUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Start the Neo4j server at " + cause.uri() + " or correct " + cause.setting()
                        + " (and its credentials: storygraph.neo4j.username/password or "
                        + "spring.neo4j.authentication.*). To use the embedded database instead, leave both "
                        + "storygraph.neo4j.uri and spring.neo4j.uri (STORYGRAPH_NEO4J_URI, SPRING_NEO4J_URI) unset.",
                cause);
    }
}
