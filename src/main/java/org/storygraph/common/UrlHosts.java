package org.storygraph.common;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The host part of {@link UrlCanonicalizer}: lower case, no trailing dot, no {@code www.}, IDN hosts in ASCII
 * (punycode) when the conversion is stable, IPv6 literals in their RFC 5952 form, length and character checks.
 */
final class UrlHosts {

    private UrlHosts() {
    }

    /** The longest DNS name (RFC 1035: 255 octets on the wire, 253 characters written out). */
    static final int MAX_HOST_LENGTH = 253;

    static String normalize(String rawHost) {
        String host = UrlCanonicalizer.percentDecodeAll(rawHost).toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new InvalidUrlException("URL has no host");
        }
        if (host.startsWith("[")) {
            if (host.length() < 2 || !host.endsWith("]")) { // a lone '[' (found by fuzzing) or no closing bracket
                throw new InvalidUrlException("invalid IPv6 host '" + UrlCanonicalizer.abbreviate(host) + "'");
            }
            host = "[" + normalizeIpv6(host.substring(1, host.length() - 1)) + "]";
        } else {
            if (host.length() > MAX_HOST_LENGTH) {
                // DNS names have at most 253 characters; longer text is no host (and IDN's Punycode encoder
                // throws an undocumented RuntimeException on very long labels — found by fuzzing)
                throw new InvalidUrlException("host name longer than " + MAX_HOST_LENGTH + " characters");
            }
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (RuntimeException e) {
                throw new InvalidUrlException("invalid host '" + UrlCanonicalizer.abbreviate(host) + "'");
            }
            // IDN maps the other full stops (U+3002, U+FF0E, U+FF61) to '.', so a trailing one shows only now
            while (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (!host.matches("[a-z0-9._-]+") || !isStableIdn(host)) {
                throw new InvalidUrlException("invalid host '" + UrlCanonicalizer.abbreviate(host) + "'");
            }
        }
        // every leading www. goes (www.www.example.com too: stripping one would not be idempotent), but not the
        // last label's: www.com stays www.com
        while (host.startsWith("www.") && host.indexOf('.', 4) > 0) {
            host = host.substring(4);
        }
        return host;
    }

    /**
     * Whether the ASCII form of a host is its own ASCII form. Characters that normalise to dots ({@code U+2025} "..")
     * can give a punycode label with dots in it, which splits differently when read again.
     */
    private static boolean isStableIdn(String asciiHost) {
        try {
            return IDN.toASCII(asciiHost, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT).equals(asciiHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * An IPv6 address literal in its one text form (RFC 5952: lower case, no leading zeros, the longest run of zero
     * groups as {@code ::}), so that every spelling of one address is one host.
     */
    private static String normalizeIpv6(String literal) {
        String text = literal;
        List<Integer> v4 = new ArrayList<>();
        int lastColon = text.lastIndexOf(':');
        if (lastColon >= 0 && text.indexOf('.', lastColon) > 0) {
            // an IPv4 tail (::ffff:192.0.2.1) is the last two groups
            String[] octets = text.substring(lastColon + 1).split("\\.", -1);
            if (octets.length != 4) {
                throw invalidIpv6(literal);
            }
            int[] v = new int[4];
            for (int i = 0; i < 4; i++) {
                if (!octets[i].matches("[0-9]{1,3}") || Integer.parseInt(octets[i]) > 255) {
                    throw invalidIpv6(literal);
                }
                v[i] = Integer.parseInt(octets[i]);
            }
            v4 = List.of(v[0] << 8 | v[1], v[2] << 8 | v[3]);
            text = text.substring(0, lastColon + 1);
            if (!text.endsWith("::")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw invalidIpv6(literal);
        }
        List<Integer> head = ipv6Groups(gap < 0 ? text : text.substring(0, gap), literal);
        List<Integer> tail = new ArrayList<>(gap < 0 ? List.of() : ipv6Groups(text.substring(gap + 2), literal));
        tail.addAll(v4);
        int given = head.size() + tail.size();
        if (gap < 0 ? given != 8 : given > 7) {
            throw invalidIpv6(literal);
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.size(); i++) {
            groups[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            groups[8 - tail.size() + i] = tail.get(i);
        }
        return formatIpv6(groups);
    }

    private static List<Integer> ipv6Groups(String text, String literal) {
        List<Integer> groups = new ArrayList<>();
        if (text.isEmpty()) {
            return groups;
        }
        for (String part : text.split(":", -1)) {
            if (part.isEmpty() || part.length() > 4
                    || !part.chars().allMatch(c -> c < 0x80 && Character.digit(c, 16) >= 0)) {
                throw invalidIpv6(literal);
            }
            groups.add(Integer.parseInt(part, 16));
        }
        return groups;
    }

    private static InvalidUrlException invalidIpv6(String literal) {
        return new InvalidUrlException("invalid IPv6 host '[" + UrlCanonicalizer.abbreviate(literal) + "]'");
    }

    private static String formatIpv6(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
