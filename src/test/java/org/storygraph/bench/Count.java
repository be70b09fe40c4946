package org.storygraph.bench;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A number of articles: a whole number of at least 0, with optional {@code _} separators ({@code 100_000}). */
final class Count implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new TypeConversionException("expected a whole number such as 100000 or 100_000, not '" + value + "'");
    }
}
