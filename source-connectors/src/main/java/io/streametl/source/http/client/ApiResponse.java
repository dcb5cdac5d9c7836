package io.streametl.source.http.client;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * A response as received.
 *
 * @param body the body, at most the configured maximum of bytes
 * @param truncated whether the body was longer than the maximum (and cut off there)
 */
public record ApiResponse(URI uri, int status, HttpHeaders headers, byte[] body, boolean truncated) {

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public String contentType() {
    return headers.firstValue("Content-Type").orElse("");
  }
}
