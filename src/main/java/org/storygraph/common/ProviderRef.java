package org.storygraph.common;

/** An outlet as other records name it: its domain (the key) and display name. */
public record ProviderRef(String domain, String name) {
}
