package org.storygraph.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Time parameters ({@code from}, {@code to}, ...) accept what people type: {@code 2020-06-11},
 * {@code 2020-06-11T09:53}, {@code 2020-06-11T09:53:00Z} or with an offset. Times without a zone are UTC.
 */
@Configuration(proxyBeanMethods = false)
class TimeParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, new InstantConverter());
    }

    static final class InstantConverter implements Converter<String, Instant> {
        @Override
        public Instant convert(String source) {
            String s = source.strip();
            if (s.isEmpty()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException ignored) {
                // next form
            }
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // next form
            }
            try {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expected an ISO-8601 date or date-time such as 2020-06-11 or "
                        + "2020-06-11T09:53:00Z");
            }
        }
    }
}
