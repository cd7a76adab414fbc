package org.lectern.delegate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.DelegateAddress;
import org.lectern.shared.privacy.PersonalDataExport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Gathers every feature's {@link PersonalDataExport} section for one delegate. */
@Component
record DelegateDataExport(
    MyTrainings trainings, ObjectProvider<PersonalDataExport> exports, DelegateMailHistory mails) {

  MyData data(DelegateAddress address) {
    MyData base = trainings.data(address);
    List<UUID> ids =
        base.registrations().stream().map(MyData.Registration::registrationId).toList();
    Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
    exports.orderedStream().forEach(e -> sections.put(e.section(), e.export(ids)));
    sections.put("mails", mails.of(address.email(), base.registrations()));
    return base.with(sections);
  }
}
