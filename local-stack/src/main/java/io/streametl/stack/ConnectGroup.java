package io.streametl.stack;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ClassicGroupDescription;
import org.apache.kafka.common.ClassicGroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * The Connect workers' group as the broker's group coordinator sees it. Workers join a classic
 * group with the "connect" protocol, so membership is read with describeClassicGroups: a REST API
 * that answers does not prove that a worker has joined, and after a SIGKILL the dead member stays
 * in the group until its session times out.
 */
public final class ConnectGroup implements AutoCloseable {

  /** One member: its coordinator-assigned id changes on every join; the client id names the worker. */
  public record Member(String memberId, String clientId, String host) {}

  /** The group's state and members at one moment. */
  public record Snapshot(ClassicGroupState state, List<Member> members) {
    public boolean isStable() {
      return state == ClassicGroupState.STABLE;
    }

    public long countOf(String clientId) {
      return members.stream().filter(member -> member.clientId().equals(clientId)).count();
    }
  }

  private final String groupId;
  private final Admin admin;

  ConnectGroup(String bootstrapServers, String groupId) {
    this.groupId = groupId;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "streametl-local-stack-probe");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    this.admin = Admin.create(props);
  }

  public String groupId() {
    return groupId;
  }

  public Snapshot describe() {
    try {
      // Listing first: describing a group that does not exist yet makes the admin client log an
      // ERROR on every poll while the first worker starts.
      boolean exists = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
          .anyMatch(listing -> listing.groupId().equals(groupId));
      if (!exists) {
        return new Snapshot(ClassicGroupState.DEAD, List.of());
      }
      ClassicGroupDescription description = admin.describeClassicGroups(List.of(groupId)).all()
          .get(10, TimeUnit.SECONDS).get(groupId);
      if (description == null) {
        return new Snapshot(ClassicGroupState.DEAD, List.of());
      }
      List<Member> members = description.members().stream()
          .map(m -> new Member(m.consumerId(), m.clientId(), m.host()))
          .toList();
      return new Snapshot(description.state(), members);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return new Snapshot(ClassicGroupState.DEAD, List.of());
      }
      throw new LocalStackException("Could not describe the Connect group " + groupId + ": "
          + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new LocalStackException("Describing the Connect group " + groupId + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalStackException("Interrupted while describing the Connect group", e);
    }
  }

  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(5));
  }
}
