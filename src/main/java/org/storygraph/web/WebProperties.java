package org.storygraph.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiKey key that write endpoints ({@code POST /api/ingest}, ...) require in the {@code X-API-Key} header;
 *               unset (the default) disables them. Set it with {@code STORYGRAPH_WEB_API_KEY}.
 */
@ConfigurationProperties("storygraph.web")
public record WebProperties(String apiKey) {
}
