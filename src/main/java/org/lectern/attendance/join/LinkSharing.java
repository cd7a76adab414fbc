package org.lectern.attendance.join;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Clicks on personal join links, and the delegates whose link was used by more than one device
 * while the session ran — a link passed on to someone else. A device is a browser (user-agent hash)
 * at an address (IP hash); the same laptop moving from Wi-Fi to a phone hotspot is not flagged, two
 * different browsers at two different addresses are.
 */
@Service
public record LinkSharing(JoinLinkRepository links) {

  record Click(UUID registrationId, Instant at, String agent, String address) {}

  public record Flag(UUID registrationId, int devices, Instant first, Instant last) {}

  void record(
      UUID sessionId, UUID registrationId, Instant at, String agentHash, String addressHash) {
    links.recordClick(sessionId, registrationId, at, agentHash, addressHash);
  }

  public List<Flag> flags(UUID sessionId, JoinWindow window) {
    Map<UUID, List<Click>> byDelegate = new LinkedHashMap<>();
    for (Click c : links.clicks(sessionId, window.opens(), window.closes())) {
      byDelegate.computeIfAbsent(c.registrationId(), k -> new ArrayList<>()).add(c);
    }
    List<Flag> flags = new ArrayList<>();
    byDelegate.forEach(
        (reg, clicks) -> {
          int devices = devices(clicks);
          if (devices > 1) {
            flags.add(
                new Flag(reg, devices, clicks.get(0).at(), clicks.get(clicks.size() - 1).at()));
          }
        });
    return flags;
  }

  /** Browsers seen, when they came from more than one address; else 1 (one device moving). */
  static int devices(List<Click> clicks) {
    Set<String> agents = clicks.stream().map(Click::agent).collect(Collectors.toSet());
    Set<String> addresses = clicks.stream().map(Click::address).collect(Collectors.toSet());
    return agents.size() > 1 && addresses.size() > 1 ? agents.size() : 1;
  }
}
