package org.storygraph.coverage;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.storygraph.common.InvalidParameterException;

/**
 * How coverage figures are grouped ({@code ?groupBy=}): by the collections an outlet is in (an outlet in several
 * collections counts in each), its country or its media type. Outlets without a value fall into the group
 * {@link #UNKNOWN}. The allow-list of {@code groupBy}: only these names reach Cypher, as a bound parameter.
 */
public enum CoverageGroup {
    COLLECTION("collection"), COUNTRY("country"), MEDIA_TYPE("mediaType");

    /** The group of outlets that have no value for the grouping property (no collection, no country, …). */
    public static final String UNKNOWN = "unknown";

    private final String parameter;

    CoverageGroup(String parameter) {
        this.parameter = parameter;
    }

    /** The name as the {@code groupBy} parameter and the responses spell it. */
    public String parameter() {
        return parameter;
    }

    /**
     * The grouping named by {@code groupBy} (case-insensitive), or null when it is absent or blank (no grouping).
     *
     * @throws InvalidParameterException naming {@code groupBy} for any other value
     */
    public static CoverageGroup parse(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(g -> g.parameter.equalsIgnoreCase(groupBy.strip())).findFirst()
                .orElseThrow(() -> new InvalidParameterException("groupBy", "'groupBy' must be one of "
                        + Arrays.stream(values()).map(CoverageGroup::parameter).collect(Collectors.joining(", "))
                        + ", not '" + groupBy + "'"));
    }
}
