package io.streametl.source.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.streametl.source.http.client.ApiResponse;
import io.streametl.source.http.paging.BadPageException;
import io.streametl.source.http.records.RecordLocator;
import java.io.IOException;
import java.util.List;

/** Reads a 2xx response into its JSON body and its records, or says why it cannot. */
final class ResponseReader {

  record Parsed(JsonNode body, List<JsonNode> records) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final RecordLocator locator;
  private final int maxBytes;

  ResponseReader(RecordLocator locator, int maxBytes) {
    this.locator = locator;
    this.maxBytes = maxBytes;
  }

  /**
   * @throws BadPageException with a reason that names no record data
   */
  Parsed read(ApiResponse response) {
    if (response.truncated()) {
      throw new BadPageException("the body is larger than http.response.max.bytes ("
          + maxBytes + " bytes)");
    }
    if (response.status() == 204 || isBlank(response.body())) {
      return new Parsed(JsonNodeFactory.instance.objectNode(), List.of());
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new BadPageException("the body is not valid JSON" + where + "; Content-Type: "
          + response.contentType());
    } catch (IOException e) {
      throw new BadPageException("the body cannot be read: " + e.getClass().getSimpleName());
    }
    return new Parsed(body, locator.locate(body));
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
