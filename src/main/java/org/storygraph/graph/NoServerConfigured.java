package org.storygraph.graph;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when neither {@code storygraph.neo4j.uri} nor {@code spring.neo4j.uri} (in any form Spring's relaxed
 * binding accepts, e.g. {@code SPRING_NEO4J_URI}) names a server: then the embedded database starts.
 */
class NoServerConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        for (String name : new String[] {ServerSettings.OWN, ServerSettings.BOOT}) {
            String value = context.getEnvironment().getProperty(name);
            if (value != null && !value.isBlank()) {
                return ConditionOutcome.noMatch(name + " names a server");
            }
        }
        return ConditionOutcome.match("neither " + ServerSettings.OWN + " nor " + ServerSettings.BOOT + " is set");
    }
}
