package io.streametl.source.http.paging;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * One fetched page, as the pagination needs it.
 *
 * @param requestUri the URI the page was fetched from
 * @param body the parsed body, or null when it was not usable JSON
 * @param recordCount how many records the page held (before any deduplication)
 */
public record Page(URI requestUri, HttpHeaders headers, JsonNode body, int recordCount) {}
