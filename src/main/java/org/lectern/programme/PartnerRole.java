package org.lectern.programme;

/** How an organisation takes part in a programme. */
public enum PartnerRole {
  ORGANISER,
  PARTNER,
  FUNDER
}
