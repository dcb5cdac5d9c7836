package io.streametl.stack.bench;

/**
 * The benchmark cannot go on: a topic or table never got its rows, or the topic does not hold what
 * the generator's event function says. The message says what and where to look.
 */
public final class BenchmarkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BenchmarkException(String message) {
    super(message);
  }

  public BenchmarkException(String message, Throwable cause) {
    super(message, cause);
  }
}
