package org.lectern.programme;

/** How an organisation takes part in a programme. */
public enum PartnerRole {
  ORGANISER,
  /**
   * Runs the programme with the owning organisation: its members manage this programme (and no
   * other programme of the owner).
   */
  CO_ORGANISER,
  PARTNER,
  FUNDER
}
