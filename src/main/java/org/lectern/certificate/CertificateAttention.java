package org.lectern.certificate;

import java.time.Instant;
import java.util.List;
import org.lectern.identity.LecternUser;
import org.lectern.programme.Programme;
import org.lectern.programme.ProgrammeAttention;
import org.springframework.stereotype.Component;

/** For the programme's overview: delegates who are eligible for a certificate and have none. */
@Component
record CertificateAttention(ProgrammeRecords records, Eligibility eligibility)
    implements ProgrammeAttention {

  @Override
  public List<Item> attention(LecternUser viewer, Programme p, Instant now) {
    int toIssue =
        (int)
            eligibility.of(records.load(p.id())).stream()
                .filter(r -> r.eligible() && !r.issued())
                .count();
    return List.of(
        new Item(
            50,
            "certificate.attention.toIssue",
            toIssue,
            "/admin/programmes/" + p.id() + "/certificates"));
  }
}
