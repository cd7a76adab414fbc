package org.lectern.registration;

import java.util.UUID;

/**
 * Sends an invitee their personal registration link. Implemented by the mail module (which depends
 * on registration, so registration only names this interface). Called inside the transaction that
 * stores the invitation, so both happen or neither does.
 */
public interface InvitationMailer {

  void send(UUID invitationId, UUID programmeId, Invitee invitee, String link);
}
