package io.streametl.source.mqtt;

import io.streametl.source.mqtt.client.ReceivedMessage;
import io.streametl.source.mqtt.mapping.MappingException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A message and what mapping made of it: its record, or the reason it cannot be one (a
 * {@link MappingException} for a bad payload, anything else for a fault of ours, which fails the
 * task in poll as it would have there).
 */
record DecodedMessage(ReceivedMessage message, SourceRecord record, Exception problem) {}
