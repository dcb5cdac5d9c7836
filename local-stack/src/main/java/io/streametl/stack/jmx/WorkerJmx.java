package io.streametl.stack.jmx;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads MBeans of local JVMs (the stack's Connect workers) the way jconsole does: attaches to the
 * process with the JDK's attach API and starts its local management agent, so the workers need
 * no JMX port of their own. One connection per process is kept and reopened after a failure (a
 * restarted worker has a new pid and a new agent).
 */
public final class WorkerJmx implements AutoCloseable {

  private final Map<Long, JMXConnector> connections = new HashMap<>();

  /**
   * The sum, per attribute, of the numeric attributes {@code attributes} over every MBean that
   * matches {@code pattern} in any of the processes {@code pids}; an attribute no MBean has is
   * absent. A process that cannot be reached right now is skipped.
   */
  public synchronized Map<String, Long> sum(Iterable<Long> pids, ObjectName pattern,
      Set<String> attributes) {
    Map<String, Long> sums = new LinkedHashMap<>();
    for (long pid : pids) {
      try {
        MBeanServerConnection server = connection(pid).getMBeanServerConnection();
        String[] wanted = attributes.toArray(new String[0]);
        for (ObjectName name : server.queryNames(pattern, null)) {
          // One call per MBean for all attributes; those it lacks are simply not in the list.
          for (Attribute attribute : readOrEmpty(server, name, wanted).asList()) {
            if (attribute.getValue() instanceof Number n) {
              sums.merge(attribute.getName(), n.longValue(), Long::sum);
            }
          }
        }
      } catch (IOException | AttachNotSupportedException e) {
        drop(pid);
      }
    }
    return sums;
  }

  private static AttributeList readOrEmpty(MBeanServerConnection server, ObjectName name,
      String[] attributes) throws IOException {
    try {
      return server.getAttributes(name, attributes);
    } catch (JMException e) {
      return new AttributeList(); // the MBean went away (a task stopped)
    }
  }

  private JMXConnector connection(long pid) throws IOException, AttachNotSupportedException {
    JMXConnector connector = connections.get(pid);
    if (connector == null) {
      connector = JMXConnectorFactory.connect(new JMXServiceURL(localAgentUrl(pid)));
      connections.put(pid, connector);
    }
    return connector;
  }

  /** The JMX address of the process's local management agent, started if it was not. */
  public static String localAgentUrl(long pid) throws IOException, AttachNotSupportedException {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
    try {
      return vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
  }

  private void drop(long pid) {
    JMXConnector connector = connections.remove(pid);
    if (connector != null) {
      try {
        connector.close();
      } catch (IOException ignored) {
        // already broken: that is why it is dropped
      }
    }
  }

  @Override
  public synchronized void close() {
    Set.copyOf(connections.keySet()).forEach(this::drop);
  }
}
