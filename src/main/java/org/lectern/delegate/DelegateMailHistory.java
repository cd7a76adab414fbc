package org.lectern.delegate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lectern.notification.SentMails;
import org.lectern.session.Session;
import org.lectern.session.SessionService;
import org.springframework.stereotype.Component;

/**
 * The mails sent to a delegate, for their data: about their registrations, about the programmes and
 * sessions they registered for, and their sign-in links. Bodies of mails that carried a working
 * link (sign-in, confirmation) are left out.
 */
@Component
record DelegateMailHistory(SentMails mails, SessionService sessions) {

  List<Map<String, Object>> of(String email, List<MyData.Registration> registrations) {
    Set<UUID> about = new LinkedHashSet<>();
    registrations.forEach(r -> about.add(r.registrationId()));
    registrations.stream()
        .map(MyData.Registration::programmeId)
        .distinct()
        .forEach(
            p -> {
              about.add(p);
              sessions.ofProgramme(p).stream().map(Session::id).forEach(about::add);
            });
    return mails.to(email, about).stream()
        .map(
            m -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("kind", m.kind());
              row.put("status", m.status());
              row.put("createdAt", m.createdAt().toString());
              row.put("sentAt", m.sentAt() == null ? null : m.sentAt().toString());
              row.put("subject", m.subject());
              row.put("body", m.body());
              return row;
            })
        .toList();
  }
}
