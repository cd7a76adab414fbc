package org.lectern.reporting;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The sources of attendance, certificate and learning figures: an adapter bean when one exists,
 * otherwise "no data yet". Keeps reporting free of the other features' internals.
 */
@Component
class Figures {

  private final ObjectProvider<AttendanceFigures> attendance;
  private final ObjectProvider<CertificateFigures> certificates;
  private final ObjectProvider<LearningFigures> learning;

  Figures(
      ObjectProvider<AttendanceFigures> attendance,
      ObjectProvider<CertificateFigures> certificates,
      ObjectProvider<LearningFigures> learning) {
    this.attendance = attendance;
    this.certificates = certificates;
    this.learning = learning;
  }

  AttendanceFigures attendance() {
    return attendance.getIfUnique(() -> AttendanceFigures.NONE);
  }

  CertificateFigures certificates() {
    return certificates.getIfUnique(() -> CertificateFigures.NONE);
  }

  LearningFigures learning() {
    return learning.getIfUnique(() -> LearningFigures.NONE);
  }
}
