package io.streametl.sink.bigquery;

import io.grpc.Status;

/** An AppendRows request the service answered with an error status in the response. */
final class AppendFailure extends RuntimeException {

  private final Status.Code code;

  AppendFailure(Status.Code code, String message) {
    super(message);
    this.code = code;
  }

  Status.Code code() {
    return code;
  }
}
