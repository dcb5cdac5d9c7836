package io.streametl.smt.pii;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldPathValidator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** The configuration of {@link ProtectFields}, cross-checked. */
final class ProtectFieldsConfig {

  static final int MIN_KEY_LENGTH = 16;
  private static final String HASH_GROUP = "Hashing";
  private static final String MASK_GROUP = "Masking";

  private final List<FieldPath> hashFields;
  private final List<FieldPath> maskFields;
  private final Mac mac;
  private final String replacement;
  private final int keepLast;

  ProtectFieldsConfig(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(ProtectFields.CONFIG_DEF, props);
    hashFields = FieldPath.parseAll(config.getList(ProtectFields.HASH_FIELDS_CONFIG));
    maskFields = FieldPath.parseAll(config.getList(ProtectFields.MASK_FIELDS_CONFIG));
    if (hashFields.isEmpty() && maskFields.isEmpty()) {
      throw new ConfigException("ProtectFields has nothing to protect: set "
          + ProtectFields.HASH_FIELDS_CONFIG + " or " + ProtectFields.MASK_FIELDS_CONFIG);
    }
    for (FieldPath hashed : hashFields) {
      for (FieldPath masked : maskFields) {
        if (hashed.overlaps(masked)) {
          throw new ConfigException(ProtectFields.MASK_FIELDS_CONFIG, masked.toString(),
              "collides with the hashed field '" + hashed + "': a field is hashed or masked");
        }
      }
    }
    Password key = config.getPassword(ProtectFields.HASH_KEY_CONFIG);
    mac = hashFields.isEmpty()
        ? null
        : mac(config.getString(ProtectFields.HASH_ALGORITHM_CONFIG), key);
    replacement = config.getString(ProtectFields.MASK_REPLACEMENT_CONFIG);
    keepLast = config.getInt(ProtectFields.MASK_KEEP_LAST_CONFIG);
  }

  /** The keyed MAC; the key's text is read here, at the moment of use, and not kept. */
  private static Mac mac(String algorithm, Password key) {
    if (key == null || key.value().length() < MIN_KEY_LENGTH) {
      throw new ConfigException(ProtectFields.HASH_KEY_CONFIG, "[hidden]",
          "hashing needs a secret key of at least " + MIN_KEY_LENGTH + " characters; put it in a"
              + " config provider (e.g. ${file:/etc/secrets/pii.properties:hmac.key})");
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.value().getBytes(StandardCharsets.UTF_8), algorithm));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new ConfigException(ProtectFields.HASH_ALGORITHM_CONFIG, algorithm,
          "cannot create this MAC: " + e.getClass().getSimpleName());
    }
  }

  static ConfigDef configDef() {
    return new ConfigDef()
        .define(ProtectFields.HASH_FIELDS_CONFIG, ConfigDef.Type.LIST, "",
            FieldPathValidator.list(), ConfigDef.Importance.HIGH,
            "Fields replaced by a keyed hash (HMAC) of their value, as lowercase hex: equal"
                + " values give equal hashes, so hashed ids can still be joined and counted,"
                + " but cannot be reversed without the key. Strings, numbers (by value, as text),"
                + " booleans and bytes can be hashed; null stays null. In Struct values a string field"
                + " keeps its schema; other fields become optional strings.",
            HASH_GROUP, 1, ConfigDef.Width.LONG, "Hashed fields")
        .define(ProtectFields.HASH_KEY_CONFIG, ConfigDef.Type.PASSWORD, null,
            ConfigDef.Importance.HIGH,
            "The secret HMAC key, at least " + MIN_KEY_LENGTH + " characters, required when "
                + ProtectFields.HASH_FIELDS_CONFIG + " is set. Keep it in a config provider;"
                + " the REST API hides it. Rotating it changes every hash.",
            HASH_GROUP, 2, ConfigDef.Width.MEDIUM, "HMAC key")
        .define(ProtectFields.HASH_ALGORITHM_CONFIG, ConfigDef.Type.STRING, "HmacSHA256",
            ConfigDef.ValidString.in("HmacSHA256", "HmacSHA384", "HmacSHA512"),
            ConfigDef.Importance.LOW, "The HMAC algorithm.",
            HASH_GROUP, 3, ConfigDef.Width.SHORT, "HMAC algorithm")
        .define(ProtectFields.MASK_FIELDS_CONFIG, ConfigDef.Type.LIST, "",
            FieldPathValidator.list(), ConfigDef.Importance.HIGH,
            "String fields replaced by " + ProtectFields.MASK_REPLACEMENT_CONFIG + ", optionally"
                + " followed by their last " + ProtectFields.MASK_KEEP_LAST_CONFIG + " characters."
                + " The replacement has a fixed length, so the length of the value is not"
                + " revealed. A non-string value fails with a DataException; null stays null.",
            MASK_GROUP, 1, ConfigDef.Width.LONG, "Masked fields")
        .define(ProtectFields.MASK_REPLACEMENT_CONFIG, ConfigDef.Type.STRING, "****",
            ConfigDef.Importance.LOW, "What a masked string becomes.",
            MASK_GROUP, 2, ConfigDef.Width.SHORT, "Mask")
        .define(ProtectFields.MASK_KEEP_LAST_CONFIG, ConfigDef.Type.INT, 0,
            ConfigDef.Range.between(0, 16), ConfigDef.Importance.LOW,
            "How many trailing characters of a masked string stay visible (e.g. 4 for the end"
                + " of a card number); a string not longer than this is masked entirely.",
            MASK_GROUP, 3, ConfigDef.Width.SHORT, "Keep last");
  }

  List<FieldPath> hashFields() {
    return hashFields;
  }

  List<FieldPath> maskFields() {
    return maskFields;
  }

  /** The MAC, initialised with the key; {@code null} when nothing is hashed. */
  Mac mac() {
    return mac;
  }

  String replacement() {
    return replacement;
  }

  int keepLast() {
    return keepLast;
  }
}
