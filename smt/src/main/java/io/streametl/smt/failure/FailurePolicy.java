package io.streametl.smt.failure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/** What a validating transform does with a record that fails its checks. */
public enum FailurePolicy {
  /**
   * Throw a DataException naming the failing paths and rules: with {@code errors.tolerance=all} a
   * sink connector sends the record to its dead-letter queue with Connect's error headers.
   */
  FAIL("fail"),
  /**
   * Write the record to an error topic with the reasons in headers, wait for the broker's
   * acknowledgement, then drop it from the chain.
   */
  ERROR_TOPIC("error-topic"),
  /** Drop the record, with a log line that counts the drops. */
  DROP("drop");

  private final String configName;

  FailurePolicy(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /**
   * The policy named {@code name}, ignoring case and surrounding spaces.
   *
   * @throws ConfigException listing the valid names when there is no such policy
   */
  public static FailurePolicy parse(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (FailurePolicy policy : values()) {
      if (policy.configName.equals(wanted)) {
        return policy;
      }
    }
    throw new ConfigException("unknown failure policy '" + name + "'; use one of: " + validNames());
  }

  public static String validNames() {
    return Arrays.stream(values()).map(FailurePolicy::configName).collect(Collectors.joining(", "));
  }
}
