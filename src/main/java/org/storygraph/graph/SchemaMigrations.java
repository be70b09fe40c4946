package org.storygraph.graph;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Brings the schema up to date once every bean exists, before any runner (seed load, CLI command) touches data. */
@Component
class SchemaMigrations implements SmartInitializingSingleton {

    private final Driver driver;
    private final Neo4jProperties properties;

    SchemaMigrations(Driver driver, Neo4jProperties properties) {
        this.driver = driver;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        new MigrationRunner(driver, properties.database(), "classpath*:cypher/migrations").migrate();
    }
}
