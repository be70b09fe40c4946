package org.storygraph.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How outlets (providers) are keyed. In {@code common} because ingest, below the outlets feature, keys providers by it.
 *
 * @param groupByRegistrableDomain key each provider by the registrable domain of its host, public-suffix aware
 *                                 ({@code edition.cnn.com} → {@code cnn.com}, {@code news.bbc.co.uk} →
 *                                 {@code bbc.co.uk}, {@code bbc.co.uk} stays); the article keeps its own host in
 *                                 {@code Article.host}. Default false: the provider is the host as given.
 */
@ConfigurationProperties("storygraph.outlets")
public record OutletsProperties(@DefaultValue("false") boolean groupByRegistrableDomain) {

    /** The provider key of a normalised domain under this setting. */
    public String providerKey(String domain) {
        return groupByRegistrableDomain ? RegistrableDomains.of(domain) : domain;
    }
}
