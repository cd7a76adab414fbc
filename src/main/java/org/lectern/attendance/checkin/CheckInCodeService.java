package org.lectern.attendance.checkin;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.shared.database.Transactions;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Personal check-in codes, one per registration (so per delegate and programme), as join links are
 * made: the code is a keyed digest of the pair, so "My trainings" and a printed badge show the same
 * code at any time, and a code means nothing for another programme. The database keeps only a keyed
 * digest of the code for the look-up at the door, so a copy of it reveals no working code.
 */
@NamedInterface("checkin")
@Service
public record CheckInCodeService(
    CheckInRepository repository,
    PersonalDataCipher cipher,
    Clock clock,
    Transactions transactions) {

  /** A delegate's code for their programme, formatted for reading aloud and typing. */
  public String codeFor(UUID registrationId, UUID programmeId) {
    return transactions.result(
        () -> {
          CheckInCode code =
              CheckInCode.fromDigest(
                  cipher.blindIndex(programmeId + ":" + registrationId, "attendance.checkin"));
          String hash = lookupHash(code);
          Optional<UUID> holder = repository.codeOwner(hash);
          if (holder.isEmpty()) {
            repository.saveCode(hash, registrationId, programmeId, clock.instant());
          } else if (!holder.get().equals(registrationId)) {
            // 55 bits: about one chance in 10^7 for a hundred thousand registrations. Never hand
            // out a
            // code that would check in someone else.
            throw new IllegalStateException(
                "Check-in code collision for registration " + registrationId);
          }
          return code.value();
        });
  }

  /** The QR code of a delegate's code, as an SVG drawn by Lectern itself. */
  public String qrSvg(String code, String label) {
    return org.lectern.shared.web.QrSvg.svg(code, label, "qr checkin-qr");
  }

  /** Who holds a typed or scanned code. */
  record Holder(UUID registrationId, UUID programmeId) {}

  Optional<Holder> holder(CheckInCode code) {
    return repository.codeHolder(lookupHash(code));
  }

  private String lookupHash(CheckInCode code) {
    return cipher.blindIndex(code.compact(), "attendance.checkinCode");
  }
}
