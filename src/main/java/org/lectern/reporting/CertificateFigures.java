package org.lectern.reporting;

import java.util.OptionalInt;
import java.util.UUID;

/** Valid certificates issued for a programme; empty while the certificate feature has no data. */
public interface CertificateFigures {

  OptionalInt issued(UUID programmeId);

  CertificateFigures NONE = programmeId -> OptionalInt.empty();
}
