package org.storygraph.graph;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.NotificationSeverity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Decides where the graph lives, by one precedence: {@code storygraph.neo4j.uri} if set, else Boot's own
 * {@code spring.neo4j.uri} ({@code SPRING_NEO4J_URI}), else an embedded database (see {@link ServerSettings}; the
 * credentials follow the same order). A {@link Neo4jConnectionDetails} bean of someone else's, such as Testcontainers'
 * {@code @ServiceConnection}, replaces all three, as everywhere in Boot. Boot's driver auto-configuration then
 * connects to the server, or to the embedded database's loopback Bolt port; everything else only sees
 * {@link Graph}, which runs Cypher on the database chosen here ({@code storygraph.neo4j.database}), the one
 * {@link DatabaseSelectionProvider} that Boot's {@code Neo4jClient} and transaction manager use too.
 * <p>
 * A configured server is checked when the driver is created: one that cannot be reached (or refuses the
 * credentials) stops start-up with {@link GraphUnreachableException} — never a silent fallback to embedded.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Neo4jProperties.class)
@EnableResilientMethods // ReadRetry
class GraphConfiguration {

    /** Only without a server URI and without another connection-details bean (nested: evaluated first). */
    @Configuration(proxyBeanMethods = false)
    @Conditional(NoServerConfigured.class)
    @ConditionalOnMissingBean(Neo4jConnectionDetails.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedNeo4j embeddedNeo4j(Neo4jProperties properties) {
            var embedded = properties.embedded();
            return EmbeddedNeo4j.start(embedded.dataDir(), embedded.pageCache().toBytes(), embedded.boltAddress(),
                    embedded.shutdownWait());
        }
    }

    /**
     * The schema migrations run at start even where beans are made on first use ({@code spring.main.lazy-initialization},
     * the {@code cli} profile): every command finds the schema current, as the service does.
     */
    @Bean
    static LazyInitializationExcludeFilter eagerSchemaMigrations() {
        return LazyInitializationExcludeFilter.forBeanTypes(SchemaMigrations.class);
    }

    @Bean
    DatabaseSelectionProvider databaseSelectionProvider(Neo4jProperties properties) {
        return DatabaseSelectionProvider.createStaticDatabaseSelectionProvider(properties.database());
    }

    /**
     * No query notifications (hints, deprecations, performance warnings): nothing here reads them, and a server asked
     * for none skips working them out for every query. Developers see them with EXPLAIN in Neo4j's own tools.
     */
    @Bean
    ConfigBuilderCustomizer noQueryNotifications() {
        return builder -> builder.withMinimumNotificationSeverity(NotificationSeverity.OFF);
    }

    /** One causal chain: the {@code Neo4jClient}'s queries and {@link Graph}'s driver sessions share bookmarks. */
    @Bean
    Neo4jBookmarkManager neo4jBookmarkManager() {
        return Neo4jBookmarkManager.create();
    }

    @Bean
    @ConditionalOnMissingBean(Neo4jConnectionDetails.class)
    Neo4jConnectionDetails neo4jConnectionDetails(Neo4jProperties properties,
            org.springframework.boot.neo4j.autoconfigure.Neo4jProperties bootProperties,
            ObjectProvider<EmbeddedNeo4j> embedded) {
        return ServerSettings.of(properties, bootProperties).<Neo4jConnectionDetails>map(server -> server)
                .orElseGet(() -> new EmbeddedConnection(embedded.getObject().boltUri()));
    }

    /** Checks a configured server as soon as the driver exists, before migrations or any feature use it. */
    @Bean
    static BeanPostProcessor serverReachableCheck(ObjectProvider<Neo4jConnectionDetails> details) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof Driver driver) {
                    Neo4jConnectionDetails connection = details.getIfUnique();
                    if (connection != null && !(connection instanceof EmbeddedConnection)) {
                        String setting = connection instanceof ServerSettings server ? server.setting()
                                : "a " + connection.getClass().getSimpleName() + " bean";
                        try {
                            driver.verifyConnectivity();
                        } catch (RuntimeException e) {
                            driver.close();
                            throw new GraphUnreachableException(connection.getUri(), setting, e);
                        }
                    }
                }
                return bean;
            }
        };
    }

    /** The embedded database's loopback Bolt port; no auth, as nothing outside the machine can reach it. */
    record EmbeddedConnection(URI uri) implements Neo4jConnectionDetails {
        @Override
        public URI getUri() {
            return uri;
        }

        @Override
        public AuthToken getAuthToken() {
            return AuthTokens.none();
        }
    }
}
