package org.storygraph.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.storygraph.common.OutletsProperties;
import org.storygraph.common.RegistrableDomains;

/** Registrable domains by the Public Suffix List, and the setting that applies them to provider keys. */
class RegistrableDomainsTest {

    @Test
    void takesThePublicSuffixAndOneLabel() {
        assertThat(RegistrableDomains.of("edition.cnn.com")).isEqualTo("cnn.com");
        assertThat(RegistrableDomains.of("cnn.com")).isEqualTo("cnn.com");
        assertThat(RegistrableDomains.of("bbc.co.uk")).isEqualTo("bbc.co.uk");
        assertThat(RegistrableDomains.of("news.bbc.co.uk")).isEqualTo("bbc.co.uk");
        assertThat(RegistrableDomains.of("a.b.timeslive.co.za")).isEqualTo("timeslive.co.za");
    }

    @Test
    void leavesHostsWithoutARegistrableDomainAsTheyAre() {
        assertThat(RegistrableDomains.of("co.uk")).isEqualTo("co.uk");
        assertThat(RegistrableDomains.of("localhost")).isEqualTo("localhost");
        assertThat(RegistrableDomains.of("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(RegistrableDomains.of("[2001:db8::1]")).isEqualTo("[2001:db8::1]");
    }

    @Test
    void theSettingDecidesTheProviderKey() {
        assertThat(new OutletsProperties(false).providerKey("edition.cnn.com")).isEqualTo("edition.cnn.com");
        assertThat(new OutletsProperties(true).providerKey("edition.cnn.com")).isEqualTo("cnn.com");
    }
}
