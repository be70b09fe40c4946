package org.storygraph.outlets;

import java.util.List;

/**
 * One outlet as an import file gives it, checked and normalised: domain (the provider key), country in ISO 3166-1
 * alpha-2 upper case, language in ISO 639-1 lower case, media type in lower-case-with-hyphens; absent values null.
 *
 * @param line the row's line in the file (1-based)
 */
record OutletRow(int line, String domain, String name, String country, String language, String mediaType,
        String owner, List<String> collections) {

    OutletRow {
        collections = List.copyOf(collections);
    }
}
