package org.storygraph.common;

import org.storygraph.common.InvalidUrlException;

import org.storygraph.common.UrlCanonicalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://www.timeslive.co.za/sunday-times/lifestyle/x/ | https://timeslive.co.za/sunday-times/lifestyle/x",
            "https://timeslive.co.za/sunday-times/lifestyle/x/     | https://timeslive.co.za/sunday-times/lifestyle/x",
            "https://www.fastcompany.com/90516450/a?partner=rss    | https://fastcompany.com/90516450/a",
            "HTTPS://WWW.Example.COM:443/Path/#section             | https://example.com/Path",
            "http://example.com:80/a?utm_source=x&utm_medium=y&id=7 | http://example.com/a?id=7",
            "http://example.com:8080/a                             | http://example.com:8080/a",
            "https://example.com/a?b=2&a=1                         | https://example.com/a?a=1&b=2",
            "https://example.com/a?x=1&amp;y=2                     | https://example.com/a?x=1&y=2",
            "https://example.com/a/./b/../c                        | https://example.com/a/c",
            "https://example.com/%7euser/%2f%e2%82%ac              | https://example.com/~user/%2F%E2%82%AC",
            "https://example.com/caf\u00e9                          | https://example.com/caf%C3%A9",
            "https://example.com/                                  | https://example.com",
            "https://example.com/?fbclid=abc                       | https://example.com",
            "https://example.com/app#!/story/1                     | https://example.com/app#!/story/1",
            "https://user:pw@example.com/a                         | https://example.com/a",
            "https://b\u00fccher.example/a                          | https://xn--bcher-kva.example/a",
            "http://[2001:DB8:0:0:0:0:0:1]:8080/a                  | http://[2001:db8::1]:8080/a",
            "http://[2001:db8::0:1]:80/                            | http://[2001:db8::1]",
            "http://[::FFFF:192.0.2.1]/a                           | http://[::ffff:c000:201]/a",
            "http://[0:0:0:0:0:0:0:0]/a                            | http://[::]/a",
            "HTTPS://WWW.www.example.COM/a                         | https://example.com/a",
            "https://www.com/a                                     | https://www.com/a",
            "https://example.com\uff61/a                            | https://example.com/a",
    })
    void canonicalizes(String raw, String expected) {
        assertThat(UrlCanonicalizer.canonicalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "javascript:alert(1)", "/relative/path", "example.com/a", "ftp://example.com/a",
            "mailto:a@b.c", "https://", "https://exa mple.com/a", "https://example.com:99999/a", "http://\u0000x/a",
            "data:text/html,<b>x</b>", "http://[2001:..db8::1]/a", "http://[::1]x/a", "http://[1:2:3:4:5:6:7:8:9]/a",
            "http://[fe80::1%25eth0]/a", "http://[1::2::3]/a", "http://[::1.2.3]/a", "http://[vf.x]/a",
            "http://example.com:\u0668\u0660/a", "https://example.com/\ud800", "https://\u6800\u2025\u772e/a"})
    void rejects(String raw) {
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize(raw)).isInstanceOf(InvalidUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://www.fastcompany.com/90516450/a?partner=rss",
            "HTTPS://WWW.Example.COM:443/Path/#section",
            "https://example.com/%7euser/%2f%e2%82%ac?q=a%20b+c&utm_x=1",
            "https://example.com/a b/\u00e9?x=\u00fc",
            "http://staffingindustry.com/x/Job-openings-29299?cookies=disabled"})
    void isIdempotent(String raw) {
        String once = UrlCanonicalizer.canonicalize(raw);
        assertThat(UrlCanonicalizer.canonicalize(once)).isEqualTo(once);
    }

    @Test
    void refusesAnUnclosedIpv6Bracket() {
        // found by fuzzing: a host that is a lone '[' made substring(1, 0) throw StringIndexOutOfBoundsException
        for (String raw : new String[] {"http://[/a", "http://[", "https://[::1/a", "http://[.]/"}) {
            assertThatThrownBy(() -> UrlCanonicalizer.canonicalize(raw)).as(raw)
                    .isInstanceOf(InvalidUrlException.class);
        }
        assertThatThrownBy(() -> UrlCanonicalizer.normalizeDomain("[")).isInstanceOf(InvalidUrlException.class);
    }

    @Test
    void refusesHostsLongerThanDnsAllows() {
        // found by fuzzing: java.net.IDN threw an undocumented RuntimeException ("input too long") on such labels
        String label = "ü".repeat(1300);
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("https://" + label + ".example/a"))
                .isInstanceOf(InvalidUrlException.class).hasMessageContaining("longer than 253");
        assertThat(UrlCanonicalizer.canonicalize("https://" + "a".repeat(60) + ".example/a"))
                .startsWith("https://aaaa");
    }

    @Test
    void refusesUrlsWhoseCanonicalFormWouldBeTooLong() {
        // 1,000 characters as written, 6,000 once escaped: the canonical form would itself be refused
        String raw = "https://example.com/" + "\u00e9".repeat(1000);
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize(raw)).isInstanceOf(InvalidUrlException.class)
                .hasMessage("URL longer than 4096 characters once escaped");
    }

    @Test
    void providerDomainIsTheHostWithoutWww() {
        assertThat(UrlCanonicalizer.domainOf(UrlCanonicalizer.canonicalize("https://www.bbc.com/news/x")))
                .isEqualTo("bbc.com");
        assertThat(UrlCanonicalizer.normalizeDomain("WWW.BBC.com")).isEqualTo("bbc.com");
        assertThat(UrlCanonicalizer.normalizeDomain("https://www.bbc.com/news")).isEqualTo("bbc.com");
    }
}
