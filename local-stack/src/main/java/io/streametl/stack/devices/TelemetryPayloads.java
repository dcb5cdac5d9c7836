package io.streametl.stack.devices;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * The JSON a device publishes. Readings drift smoothly with the sequence number so charts look
 * like sensors, and every message carries a unique {@code message_id} (device id and sequence)
 * that tests count and the sink deduplicates on.
 */
public final class TelemetryPayloads {

  private TelemetryPayloads() {}

  public static String messageId(Device device, long seq) {
    return device.id() + "-" + seq;
  }

  public static byte[] valid(Device device, long seq, Instant at) {
    double phase = (seq % 360) * Math.PI / 180.0;
    double temperature = 18.0 + 6.0 * Math.sin(phase) + (device.id().hashCode() & 7) * 0.25;
    double humidity = 45.0 + 10.0 * Math.cos(phase);
    int battery = (int) (100 - (seq / 50) % 100);
    String json = String.format(Locale.ROOT,
        "{\"message_id\":\"%s\",\"device_id\":\"%s\",\"seq\":%d,\"ts\":\"%s\","
            + "\"temperature_c\":%.2f,\"humidity_pct\":%.1f,\"battery_pct\":%d}",
        messageId(device, seq), device.id(), seq, at, temperature, humidity, battery);
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** What a device with a firmware bug sends now and then: JSON cut off mid-value. */
  public static byte[] malformed(Device device, long seq, Instant at) {
    String json = "{\"message_id\":\"" + messageId(device, seq) + "\",\"device_id\":\""
        + device.id() + "\",\"ts\":\"" + at + "\",\"temperature_c\":2";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
