package io.streametl.stack.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties of the single KRaft node (broker and controller in one process) of the stack.
 *
 * <p>A static voter set ({@code controller.quorum.voters}) rather than a dynamic quorum: with one
 * node nothing is gained by a dynamic quorum, and a static one keeps working when the controller
 * port differs between runs on the same data directory.
 */
public final class BrokerConfig {

  public static final int NODE_ID = 1;

  private BrokerConfig() {}

  public static Map<String, String> render(String host, int brokerPort, int controllerPort,
      Path logDir, Map<String, String> overrides) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    props.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":"
        + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
    props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());

    // One broker: every internal topic has a replication factor of 1. The transaction log
    // settings matter because the workers run exactly-once source support.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    // Fewer partitions than the 50 defaults: each costs files and start-up time on 2 cores.
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.num.partitions", "5");
    props.put("num.partitions", "1");
    // No reason to delay the first rebalance of a group by 3 s on a local stack.
    props.put("group.initial.rebalance.delay.ms", "0");
    props.putAll(overrides);
    return props;
  }
}
