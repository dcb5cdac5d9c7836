package io.streametl.stack.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.GroupState;

/**
 * Topics and consumer groups of the benchmark, through the admin API. Topics are created up front
 * with the chosen partition count: a sink subscribing before the generator wrote would otherwise
 * let the broker auto-create its topic with one partition.
 */
final class BenchTopics implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;

  BenchTopics(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "streametl-bench-admin");
    this.admin = Admin.create(props);
  }

  void create(String topic, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchmarkException("Could not create topic " + topic + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("Interrupted while creating topic " + topic, e);
    }
  }

  /**
   * True when the sink connector's consumer group (connect-NAME) is stable with all
   * {@code partitions} assigned: from then on records are fetched as soon as they arrive.
   */
  boolean sinkGroupAssigned(String connectorName, int partitions) {
    String group = "connect-" + connectorName;
    try {
      Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(group))
          .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      ConsumerGroupDescription description = groups.get(group);
      int assigned = description.members().stream()
          .mapToInt(member -> member.assignment().topicPartitions().size()).sum();
      return description.groupState() == GroupState.STABLE && assigned == partitions;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("Interrupted while describing group " + group, e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
