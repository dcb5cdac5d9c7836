package io.streametl.sink.iceberg;

import org.apache.kafka.connect.errors.DataException;

/**
 * A record does not fit the table's schema: it has fields without columns, or a value of another
 * type than its column. Schema evolution may fix this (new optional columns, widening); when it
 * cannot, the record goes to the dead-letter queue with this message.
 */
public final class SchemaMismatchException extends DataException {

  public SchemaMismatchException(String message) {
    super(message);
  }
}
