package org.storygraph.graph;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Decides where the graph lives. Without {@code storygraph.neo4j.uri} an embedded database is started and Boot's
 * driver auto-configuration is pointed at its loopback Bolt port; with it, the same driver connects to the server or
 * cluster and no embedded database exists. Everything else in the application only sees {@link Graph}, which runs
 * Cypher on the database chosen here, the one {@link DatabaseSelectionProvider} ({@code storygraph.neo4j.database})
 * that Boot's {@code Neo4jClient} and transaction manager use too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Neo4jProperties.class)
@EnableResilientMethods // ReadRetry
class GraphConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${storygraph.neo4j.uri:}'.isBlank()")
    EmbeddedNeo4j embeddedNeo4j(Neo4jProperties properties) {
        var embedded = properties.embedded();
        return EmbeddedNeo4j.start(embedded.dataDir(), embedded.pageCache().toBytes(), embedded.boltAddress(),
                embedded.shutdownWait());
    }

    @Bean
    DatabaseSelectionProvider databaseSelectionProvider(Neo4jProperties properties) {
        return DatabaseSelectionProvider.createStaticDatabaseSelectionProvider(properties.database());
    }

    /** One causal chain: the {@code Neo4jClient}'s queries and {@link Graph}'s driver sessions share bookmarks. */
    @Bean
    Neo4jBookmarkManager neo4jBookmarkManager() {
        return Neo4jBookmarkManager.create();
    }

    @Bean
    Neo4jConnectionDetails neo4jConnectionDetails(Neo4jProperties properties,
            ObjectProvider<EmbeddedNeo4j> embedded) {
        if (properties.embeddedMode()) {
            URI uri = embedded.getObject().boltUri();
            return new Neo4jConnectionDetails() {
                @Override
                public URI getUri() {
                    return uri;
                }

                @Override
                public AuthToken getAuthToken() {
                    return AuthTokens.none();
                }
            };
        }
        URI uri = properties.uri();
        AuthToken token = properties.password() == null || properties.password().isEmpty()
                ? AuthTokens.none()
                : AuthTokens.basic(properties.username(), properties.password());
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return token;
            }
        };
    }
}
