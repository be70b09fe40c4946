package org.storygraph.outlets;

import java.util.List;

/**
 * What an outlet import did.
 *
 * @param file               the file's name as given
 * @param format             {@code csv} or {@code yaml}
 * @param rows               outlet rows read (good and rejected)
 * @param created            outlets that were not in the graph (new Provider nodes)
 * @param updated            outlets whose metadata or collections changed
 * @param unchanged          outlets that already had exactly what the file says
 * @param collections        the collections the file names, A to Z
 * @param collectionsCreated collections that did not exist before
 * @param collectionsRemoved collections left without outlets by the import, and removed
 * @param rowsRejected       rows left out (a row with two problems counts once)
 * @param rejected           the problems of the rows left out, one entry each (line, field, what is wrong)
 * @param warnings           things ignored, such as unknown columns
 */
public record ImportReport(String file, String format, int rows, int created, int updated, int unchanged,
        List<String> collections, int collectionsCreated, int collectionsRemoved, int rowsRejected,
        List<RejectedRow> rejected,
        List<String> warnings) {

    /** A problem that kept a row out: its line, the field at fault (or null for the row as a whole), why. */
    public record RejectedRow(int line, String field, String reason) {
    }

    public ImportReport {
        collections = List.copyOf(collections);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }
}
