package org.lectern.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every action code the audit log accepts, in one place. Each has a message key {@code
 * audit.action.<code>} in en, ru and kk; {@link AuditLog} refuses a code that is not listed here,
 * and a test fails when code writes one that is missing.
 */
public enum AuditAction {
  ATTENDANCE_IMPORTED("attendance.imported"),
  ATTENDANCE_LISTED("attendance.listed"),
  ATTENDANCE_COMPLETION_LISTED("attendance.completionListed"),
  ATTENDANCE_DOOR_LISTED("attendance.doorListed"),
  ATTENDANCE_DOOR_SEARCHED("attendance.doorSearched"),
  ATTENDANCE_CHECKED_IN("attendance.checkedIn"),
  ATTENDANCE_CHECKED_OUT("attendance.checkedOut"),
  ATTENDANCE_SCAN_UNCHANGED("attendance.scanUnchanged"),
  CERTIFICATE_DESIGN_CHANGED("certificate.designChanged"),
  CERTIFICATE_LISTED("certificate.listed"),
  CERTIFICATE_ISSUED("certificate.issued"),
  CERTIFICATE_REISSUED("certificate.reissued"),
  CERTIFICATE_REVOKED("certificate.revoked"),
  CERTIFICATE_DOWNLOADED("certificate.downloaded"),
  CERTIFICATE_OVERRIDDEN("certificate.overridden"),
  CERTIFICATE_OVERRIDE_REMOVED("certificate.overrideRemoved"),
  DELEGATE_DATA_DOWNLOADED("delegate.dataDownloaded"),
  DELEGATE_ERASURE_REQUESTED("delegate.erasureRequested"),
  DELEGATE_ERASED("delegate.erased"),
  REGISTRATION_ERASED("registration.erased"),
  PROGRAMME_ANONYMISED("programme.anonymised"),
  PURGE_REQUESTED("purge.requested"),
  PURGE_CANCELLED("purge.cancelled"),
  PURGE_DONE("purge.done"),
  PROGRAMME_PURGED("programme.purged"),
  RETENTION_CHANGED("retention.changed"),
  LIVE_PARTICIPANT_REMOVED("live.participantRemoved"),
  MAIL_ANNOUNCEMENT_SENT("mail.announcementSent"),
  MAIL_OUTBOX_VIEWED("mail.outboxViewed"),
  MAIL_DELIVERY_VIEWED("mail.deliveryViewed"),
  MAIL_FAILED_RETRIED("mail.failedRetried"),
  MAIL_ADDRESS_RELEASED("mail.addressReleased"),
  MAIL_LINK_RESENT("mail.linkResent"),
  LEARNING_RESULTS_LISTED("learning.resultsListed"),
  LEARNING_FEEDBACK_LISTED("learning.feedbackListed"),
  LEARNING_FOLLOW_UP_LISTED("learning.followUpListed"),
  LEARNING_RECORDING_LINKS_LISTED("learning.recordingLinksListed"),
  LEARNING_MATERIAL_UPLOADED("learning.materialUploaded"),
  LEARNING_MATERIAL_DELETED("learning.materialDeleted"),
  LEARNING_MATERIAL_DOWNLOADS_LISTED("learning.materialDownloadsListed"),
  PROGRAMME_MEMBER_GRANTED("programme.memberGranted"),
  PROGRAMME_MEMBER_REVOKED("programme.memberRevoked"),
  PROGRAMME_MEMBERS_LISTED("programme.membersListed"),
  PROGRAMME_PARTNER_NAMED("programme.partnerNamed"),
  PROGRAMME_PARTNER_PROPOSED("programme.partnerProposed"),
  PROGRAMME_PARTNER_ACCEPTED("programme.partnerAccepted"),
  PROGRAMME_PARTNER_DECLINED("programme.partnerDeclined"),
  PROGRAMME_PARTNER_LEFT("programme.partnerLeft"),
  PROGRAMME_PARTNER_WITHDRAWN("programme.partnerWithdrawn"),
  PROGRAMME_PARTNER_REMOVED("programme.partnerRemoved"),
  REGISTRATION_LISTED("registration.listed"),
  REGISTRATION_SEARCHED("registration.searched"),
  REGISTRATION_EXPORTED("registration.exported"),
  REGISTRATION_APPROVED("registration.approved"),
  REGISTRATION_DECLINED("registration.declined"),
  REGISTRATION_CONFIRMED("registration.confirmed"),
  REGISTRATION_WAITLISTED("registration.waitlisted"),
  REGISTRATION_CANCELLED("registration.cancelled"),
  REGISTRATION_INVITED("registration.invited"),
  REGISTRATION_INVITATIONS_LISTED("registration.invitationsListed"),
  REGISTRATION_OPT_IN_ON("registration.optInOn"),
  REGISTRATION_OPT_IN_OFF("registration.optInOff"),
  REPORT_EXPORTED("report.exported"),
  REPORT_PUBLISHED("report.published"),
  SPEAKER_INVITED("speaker.invited"),
  ORGANISATION_CREATED("organisation.created"),
  ORGANISATION_SETTINGS_CHANGED("organisation.settingsChanged"),
  ORGANISATION_LOGO_CHANGED("organisation.logoChanged"),
  ORGANISATION_LOGO_REMOVED("organisation.logoRemoved"),
  ORGANISATION_MEMBERS_LISTED("organisation.members.listed"),
  ORGANISATION_MEMBER_ADDED("organisation.member.added"),
  ORGANISATION_MEMBER_REMOVED("organisation.member.removed"),
  ORGANISATION_MEMBER_ROLE_CHANGED("organisation.member.roleChanged"),
  ORGANISATION_MEMBER_INVITED("organisation.member.invited"),
  ORGANISATION_MEMBER_JOINED("organisation.member.joined"),
  ORGANISATION_INVITATION_WITHDRAWN("organisation.invitation.withdrawn"),
  ORGANISATION_INVITATION_DECLINED("organisation.invitation.declined"),
  ACCOUNT_PASSWORD_CHANGED("account.passwordChanged"),
  ACCOUNT_NAME_CHANGED("account.nameChanged"),
  ACCOUNT_PASSWORD_RESET("account.passwordReset"),
  ACCOUNT_DISABLED("account.disabled"),
  ACCOUNT_ENABLED("account.enabled"),
  ACCOUNT_TOKEN_CREATED("account.tokenCreated"),
  ACCOUNT_TOKEN_REVOKED("account.tokenRevoked"),
  ACCOUNT_LISTED("account.listed"),
  ACCOUNT_FACTOR_ENROLLED("account.factorEnrolled"),
  ACCOUNT_FACTOR_REMOVED("account.factorRemoved"),
  ACCOUNT_RECOVERY_CODE_USED("account.recoveryCodeUsed"),
  ACCOUNT_RECOVERY_CODE_RETURNED("account.recoveryCodeReturned"),
  ACCOUNT_RECOVERY_CODES_RENEWED("account.recoveryCodesRenewed"),
  ACCOUNT_FACTOR_POLICY_CHANGED("account.factorPolicyChanged"),
  ACCOUNT_PASSKEY_ADDED("account.passkeyAdded"),
  ACCOUNT_PASSKEY_REMOVED("account.passkeyRemoved"),
  ACCOUNT_LOCKED("account.locked"),
  ACCOUNT_SESSION_ENDED("account.sessionEnded"),
  AUDIT_EXPORTED("audit.exported");

  private static final Map<String, AuditAction> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toMap(AuditAction::code, Function.identity()));

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The key of the action's name in the message bundles. */
  public String messageKey() {
    return "audit.action." + code;
  }

  public static Optional<AuditAction> ofCode(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }
}
