package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class MailLaneTest {

  @Test
  void whatAPersonWaitsForLeavesFirst() {
    assertThat(MailLane.of(MailKind.DELEGATE_SIGN_IN)).isEqualTo(MailLane.URGENT);
    assertThat(MailLane.of(MailKind.IDENTITY_PASSWORD_RESET)).isEqualTo(MailLane.URGENT);
    assertThat(MailLane.of(MailKind.REGISTRATION_CONFIRMED)).isEqualTo(MailLane.URGENT);
    assertThat(MailLane.of(MailKind.REGISTRATION_OPT_IN_CONFIRM)).isEqualTo(MailLane.URGENT);
    assertThat(MailLane.of(MailKind.SESSION_REMINDER_HOUR)).isEqualTo(MailLane.REMINDER);
    assertThat(MailLane.of(MailKind.PROGRAMME_ANNOUNCEMENT)).isEqualTo(MailLane.BULK);
    assertThat(MailLane.of(MailKind.CERTIFICATE_ISSUED)).isEqualTo(MailLane.BULK);
  }

  @Test
  void everyCredentialMailIsUrgent() {
    for (MailKind k : EnumSet.allOf(MailKind.class)) {
      if (k.credential()) {
        assertThat(MailLane.of(k)).as(k.code()).isEqualTo(MailLane.URGENT);
      }
    }
  }

  @Test
  void lanesAreOrdered() {
    assertThat(MailLane.URGENT.priority()).isLessThan(MailLane.REMINDER.priority());
    assertThat(MailLane.REMINDER.priority()).isLessThan(MailLane.BULK.priority());
  }
}
