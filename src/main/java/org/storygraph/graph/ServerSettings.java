package org.storygraph.graph;

import java.net.URI;
import java.util.Optional;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties.Authentication;
import org.springframework.util.StringUtils;

/**
 * Boot's connection details of the server the configuration names, by the one precedence: {@code storygraph.neo4j.uri} if set, else
 * {@code spring.neo4j.uri} (Boot's property, {@code SPRING_NEO4J_URI}), else none (the embedded database).
 * Credentials likewise: {@code storygraph.neo4j.username/password} when {@code storygraph.neo4j.password} is set,
 * else Boot's {@code spring.neo4j.authentication.*} (username/password/realm or a Kerberos ticket), else no auth.
 * Boot's other {@code spring.neo4j.*} settings (pool, timeouts, security) apply in every mode and never select a
 * server.
 *
 * @param uri     the server's URI
 * @param auth    the credentials
 * @param setting the property that named the server, for messages
 */
record ServerSettings(URI uri, AuthToken auth, String setting) implements Neo4jConnectionDetails {

    static final String OWN = "storygraph.neo4j.uri";
    static final String BOOT = "spring.neo4j.uri";

    static Optional<ServerSettings> of(Neo4jProperties own,
            org.springframework.boot.neo4j.autoconfigure.Neo4jProperties boot) {
        AuthToken auth = auth(own, boot.getAuthentication());
        if (isSet(own.uri())) {
            return Optional.of(new ServerSettings(own.uri(), auth, OWN));
        }
        if (isSet(boot.getUri())) {
            return Optional.of(new ServerSettings(boot.getUri(), auth, BOOT));
        }
        return Optional.empty();
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public AuthToken getAuthToken() {
        return auth;
    }

    @Override
    public String toString() { // never the credentials
        return "ServerSettings[" + setting + "=" + uri + "]";
    }

    static boolean isSet(URI uri) {
        return uri != null && !uri.toString().isBlank();
    }

    private static AuthToken auth(Neo4jProperties own, Authentication boot) {
        if (StringUtils.hasText(own.password())) {
            return AuthTokens.basic(own.username(), own.password());
        }
        boolean user = StringUtils.hasText(boot.getUsername());
        boolean ticket = StringUtils.hasText(boot.getKerberosTicket());
        if (user && ticket) {
            throw new IllegalStateException("Cannot specify both username ('" + boot.getUsername()
                    + "') and kerberos ticket ('" + boot.getKerberosTicket() + "')");
        }
        if (user) {
            return AuthTokens.basic(boot.getUsername(), boot.getPassword(), boot.getRealm());
        }
        if (ticket) {
            return AuthTokens.kerberos(boot.getKerberosTicket());
        }
        return AuthTokens.none();
    }
}
