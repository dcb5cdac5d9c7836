package io.streametl.source.http.fakeapi;

import java.util.Map;

/** A request the fake API received: header names lowercased, query parameters decoded. */
public record RecordedRequest(String method, String path, Map<String, String> query,
    Map<String, String> headers, String body) {

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
