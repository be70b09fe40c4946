package org.storygraph.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.Page;
import org.storygraph.outlets.OutletQueries;
import org.storygraph.outlets.OutletViews.ProviderFilter;
import org.storygraph.outlets.OutletViews.ProviderSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code storygraph providers list [--collection X] [--media-type Y] [--country Z]}: most articles first. */
@Command(name = "list", description = "The providers, most articles first, with country, language, media type, "
        + "owner and collections.")
class ProvidersListCommand implements Callable<Integer> {

    private static final int PAGE = 500;

    private final CliContext cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--collection", paramLabel = "NAME", description = "only outlets in this collection")
    String collection;

    @Option(names = "--media-type", paramLabel = "TYPE", description = "only outlets of this media type (wire, "
            + "national, regional, local, digital-native, broadcast, …)")
    String mediaType;

    @Option(names = "--country", paramLabel = "CODE", description = "only outlets of this country (ISO 3166-1 "
            + "alpha-2, e.g. US)")
    String country;

    ProvidersListCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ProviderFilter filter = new ProviderFilter(null, collection, mediaType, country);
        OutletQueries queries = cli.bean(OutletQueries.class);
        PrintStream out = cli.out();
        out.printf("%-28s %-34s %8s  %-7s %-4s %-15s %s%n", "DOMAIN", "NAME", "ARTICLES", "COUNTRY", "LANG",
                "MEDIA TYPE", "COLLECTIONS");
        Page<ProviderSummary> page;
        int n = 0;
        try {
            do {
                page = queries.providers(filter, OutletQueries.PROVIDER_SORTS.parse(null), n / PAGE, PAGE);
                for (ProviderSummary p : page.items()) {
                    out.printf("%-28s %-34s %8d  %-7s %-4s %-15s %s%n", p.domain(), dash(p.name()), p.articles(),
                            dash(p.country()), dash(p.language()), dash(p.mediaType()),
                            String.join("; ", p.collections()));
                    n++;
                }
            } while (n < page.total() && !page.items().isEmpty());
        } catch (InvalidParameterException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        out.printf("(%d providers)%n", n);
        return 0;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
