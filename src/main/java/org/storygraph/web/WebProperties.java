package org.storygraph.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param apiKey      key that write endpoints ({@code POST /api/ingest}, ...) require in the {@code X-API-Key}
 *                    header; unset (the default) disables them. Set it with {@code STORYGRAPH_WEB_API_KEY}.
 * @param corsOrigins origins allowed to call {@code /api/**} from a browser (default none: CORS off)
 * @param maxJsonBody largest non-upload request body accepted (default 1MB)
 */
@ConfigurationProperties("storygraph.web")
public record WebProperties(String apiKey, @DefaultValue List<String> corsOrigins,
        @DefaultValue("1MB") DataSize maxJsonBody) {
}
