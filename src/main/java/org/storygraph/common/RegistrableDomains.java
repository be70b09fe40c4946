package org.storygraph.common;

import com.google.common.net.InternetDomainName;

/**
 * The registrable domain of a host: the public suffix (from the Public Suffix List that Guava carries) and one label
 * more — {@code edition.cnn.com} → {@code cnn.com}, {@code news.bbc.co.uk} → {@code bbc.co.uk}.
 */
public final class RegistrableDomains {

    private RegistrableDomains() {
    }

    /**
     * The registrable domain of a normalised host; the host itself when it has none (an IP address, a single label,
     * a public suffix itself, or a name the list does not cover).
     */
    public static String of(String host) {
        if (host == null || host.isEmpty() || host.startsWith("[")) {
            return host;
        }
        try {
            InternetDomainName name = InternetDomainName.from(host);
            return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : host;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return host; // IPv4 literals and names Guava refuses stay as they are
        }
    }
}
