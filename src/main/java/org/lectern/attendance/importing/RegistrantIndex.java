package org.lectern.attendance.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lectern.attendance.registrants.Registrant;
import org.lectern.attendance.report.ReportedParticipant;

/**
 * The active registrations of a programme, indexed for matching report rows: by e-mail first (it
 * identifies a person), then by name key; remembered organiser decisions settle what neither does.
 */
final class RegistrantIndex {

  private final Map<String, UUID> byEmail = new HashMap<>();
  private final Map<String, List<UUID>> byName = new HashMap<>();
  private final Map<UUID, Registrant> byId = new HashMap<>();

  RegistrantIndex(Collection<Registrant> registrants) {
    for (Registrant r : registrants) {
      if (!r.active()) {
        continue;
      }
      byId.put(r.id(), r);
      if (r.email() != null) {
        byEmail.putIfAbsent(r.email().strip().toLowerCase(Locale.ROOT), r.id());
      }
      String key = NameKey.of(r.fullName());
      if (!key.isEmpty()) {
        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(r.id());
      }
    }
  }

  Optional<Registrant> find(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  Collection<Registrant> all() {
    return byId.values();
  }

  /**
   * Matches one person; {@code decisions} are the organiser's earlier answers under the person's
   * alias keys (see {@link #aliasKeys}).
   */
  Match match(ReportedParticipant p, Decisions decisions) {
    if (p.email() != null) {
      UUID byMail = byEmail.get(p.email().toLowerCase(Locale.ROOT));
      if (byMail != null) {
        return Match.matched(byMail, Match.Via.EMAIL);
      }
    }
    for (String alias : aliasKeys(p)) {
      Optional<Optional<UUID>> answer = decisions.lookup(alias);
      if (answer.isPresent()) {
        Optional<UUID> decided = answer.get();
        if (decided.isEmpty()) {
          return Match.notDelegate();
        }
        if (byId.containsKey(decided.get())) {
          return Match.matched(decided.get(), Match.Via.DECISION);
        }
      }
    }
    Set<UUID> found = new LinkedHashSet<>();
    for (String name : names(p)) {
      List<UUID> ids = byName.get(NameKey.of(name));
      if (ids != null && ids.size() > 1) {
        return Match.ambiguous(ids);
      }
      if (ids != null) {
        found.addAll(ids);
      }
    }
    if (found.size() == 1) {
      return Match.matched(found.iterator().next(), Match.Via.NAME);
    }
    return found.isEmpty() ? Match.unmatched() : Match.ambiguous(List.copyOf(found));
  }

  /** Keys under which an organiser's decision about this person is remembered. */
  static List<String> aliasKeys(ReportedParticipant p) {
    List<String> keys = new ArrayList<>();
    if (p.email() != null) {
      keys.add("e:" + p.email().toLowerCase(Locale.ROOT));
    }
    for (String name : names(p)) {
      String k = NameKey.of(name);
      if (!k.isEmpty() && !keys.contains("n:" + k)) {
        keys.add("n:" + k);
      }
    }
    return keys;
  }

  private static List<String> names(ReportedParticipant p) {
    List<String> names = new ArrayList<>();
    names.add(p.name());
    p.aliases().stream().sorted().forEach(names::add);
    return names;
  }
}
