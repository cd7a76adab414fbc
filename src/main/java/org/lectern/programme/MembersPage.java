package org.lectern.programme;

import java.util.List;
import org.lectern.shared.web.FormErrors;

/**
 * The programme's roles page: who holds a role, who manages it through a partner, the grant form.
 */
public record MembersPage(
    String programmeId,
    String title,
    List<MemberRow> members,
    List<PartnerMemberRow> viaPartners,
    MemberForm form,
    FormErrors errors,
    boolean granted,
    String revokeError) {

  /** The grant form as typed. */
  public record MemberForm(String email, String role) {}

  /**
   * One person's role, with the hidden end of the revoke button's name ("… the Funder role from
   * Aida") so that a screen reader says whose role it takes away.
   */
  public record MemberRow(
      String userId,
      String fullName,
      String email,
      String role,
      String roleLabel,
      String grantedIso,
      String granted,
      String revokeWhose) {}

  /** A person who manages the programme through a co-organising partner organisation. */
  public record PartnerMemberRow(
      String fullName, String email, org.lectern.shared.i18n.LocalizedText.Shown partner) {}
}
