package io.streametl.source.http.config;

import java.util.Map;

/**
 * What an endpoint calls and where its records go.
 *
 * @param url the first page's URL template (absolute, or relative to base.url)
 * @param headers header name to value template, connector-level headers included
 */
public record RequestConfig(Template url, HttpMethod method, Template body, Template topic,
    long pollIntervalMs, Map<String, Template> headers) {

  /** Whether the URL, the body or a header sends the watermark through ${watermark}. */
  public boolean templatesWatermark() {
    return url.uses(Template.WATERMARK) || body.uses(Template.WATERMARK)
        || headers.values().stream().anyMatch(h -> h.uses(Template.WATERMARK));
  }
}
