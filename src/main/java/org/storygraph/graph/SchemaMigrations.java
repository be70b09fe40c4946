package org.storygraph.graph;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Brings the schema up to date once every bean exists, before any runner (seed load, CLI command) touches data. */
@Component
class SchemaMigrations implements SmartInitializingSingleton {

    private final Graph graph;

    SchemaMigrations(Graph graph) {
        this.graph = graph;
    }

    @Override
    public void afterSingletonsInstantiated() {
        new MigrationRunner(graph, "classpath*:cypher/migrations").migrate();
    }
}
