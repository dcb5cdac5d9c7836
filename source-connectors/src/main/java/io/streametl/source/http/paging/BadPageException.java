package io.streametl.source.http.paging;

/** A page that cannot be used as it is: the reason names what is wrong, never record data. */
public final class BadPageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BadPageException(String reason) {
    super(reason);
  }
}
