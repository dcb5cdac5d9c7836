package io.streametl.smt.enrich;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.common.config.ConfigException;

/** How the 128 bits of a derived event id are written. */
enum EventIdFormat {
  /** 32 lowercase hex digits. */
  HEX("hex") {
    @Override
    String format(byte[] id) {
      return HexFormat.of().formatHex(id);
    }
  },
  /**
   * A UUID string (RFC 9562 version 8, "custom"): the same bits with the version and variant set,
   * so columns of a UUID type accept it; 122 bits remain.
   */
  UUID_V8("uuid") {
    @Override
    String format(byte[] id) {
      byte[] bits = id.clone();
      bits[6] = (byte) ((bits[6] & 0x0f) | 0x80);
      bits[8] = (byte) ((bits[8] & 0x3f) | 0x80);
      ByteBuffer buffer = ByteBuffer.wrap(bits);
      return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
  };

  private final String configName;

  EventIdFormat(String configName) {
    this.configName = configName;
  }

  /** The id text of the first 16 bytes of a hash. */
  abstract String format(byte[] id);

  String configName() {
    return configName;
  }

  static EventIdFormat parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (EventIdFormat format : values()) {
      if (format.configName.equals(wanted)) {
        return format;
      }
    }
    throw new ConfigException("unknown id format '" + name + "'; use hex or uuid");
  }
}
