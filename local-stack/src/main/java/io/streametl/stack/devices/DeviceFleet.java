package io.streametl.stack.devices;

import java.util.ArrayList;
import java.util.List;

/** A deterministic fleet: device i always has the same id, site and type, run after run. */
public final class DeviceFleet {

  private static final List<String> SITES = List.of("berlin", "lisbon", "oslo", "madrid");
  private static final List<String> TYPES = List.of("thermostat", "meter", "tracker");

  private DeviceFleet() {}

  public static List<Device> of(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("A fleet needs at least one device, got " + size);
    }
    List<Device> devices = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      devices.add(new Device("dev-%05d".formatted(i), SITES.get(i % SITES.size()),
          TYPES.get((i / SITES.size()) % TYPES.size())));
    }
    return List.copyOf(devices);
  }
}
