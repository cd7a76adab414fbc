package org.lectern.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.shared.error.InvalidInputException;

/** Invitee lists as spreadsheets really save them, and the mistakes people really make. */
class InviteeCsvTest {

  static final String LIST =
      "Name;E-mail;Language\r\nАйгерим Нурланова;aigerim@example.kz;kk\r\nBolat Seitkali;BOLAT@example.kz;\r\n";

  @Test
  void readsSemicolonsAndCrLfAndDefaultsTheLanguage() {
    List<Invitee> list = InviteeCsv.read(LIST.getBytes(StandardCharsets.UTF_8), "ru");
    assertThat(list)
        .extracting(Invitee::fullName)
        .containsExactly("Айгерим Нурланова", "Bolat Seitkali");
    assertThat(list).extracting(Invitee::language).containsExactly("kk", "ru");
    assertThat(list.get(1).line()).isEqualTo(3);
  }

  @Test
  void readsUtf8WithBomUtf16AndWindows1251() {
    byte[] bom = ("\uFEFF" + LIST).getBytes(StandardCharsets.UTF_8);
    byte[] utf16 = ("\uFEFF" + LIST.replace(';', '\t')).getBytes(StandardCharsets.UTF_16LE);
    byte[] cp1251 = LIST.replace(';', ',').getBytes(Charset.forName("windows-1251"));
    for (byte[] file : List.of(bom, utf16, cp1251)) {
      assertThat(InviteeCsv.read(file, "ru").get(0).fullName()).isEqualTo("Айгерим Нурланова");
    }
  }

  @Test
  void russianAndKazakhHeadersAreUnderstood() {
    String kk = "Аты-жөні,Электрондық пошта,Тіл\nДәулет,daulet@example.kz,kk\n";
    String ru = "ФИО,Почта\nДаулет,daulet@example.kz\n";
    assertThat(InviteeCsv.read(kk.getBytes(StandardCharsets.UTF_8), "ru").get(0).email())
        .isEqualTo("daulet@example.kz");
    assertThat(InviteeCsv.read(ru.getBytes(StandardCharsets.UTF_8), "kk").get(0).language())
        .isEqualTo("kk");
  }

  @Test
  void duplicatesInTheFileAreInvitedOnce() {
    String csv = "name,email\nA,a@example.kz\nA again,A@EXAMPLE.KZ\n";
    assertThat(InviteeCsv.read(csv.getBytes(StandardCharsets.UTF_8), "en")).hasSize(1);
  }

  @Test
  void everyBadLineIsReportedWithItsNumber() {
    String csv =
        "name,email,language\nGood,good@example.kz,en\nBad,not-an-email,en\nWorse,w@example.kz,fr\n,x@example.kz,\n";
    assertThatThrownBy(() -> InviteeCsv.read(csv.getBytes(StandardCharsets.UTF_8), "en"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.fields()).hasSize(3);
              assertThat(e.fields().get(0).code()).isEqualTo("registration.invite.badEmail");
              assertThat(e.fields().get(0).args()).containsExactly(3, "not-an-email");
              assertThat(e.fields().get(1).args()).containsExactly(4, "fr");
              assertThat(e.fields().get(2).code()).isEqualTo("registration.invite.badName");
            });
  }

  @Test
  void wrongColumnsEmptyFilesBinaryFilesAndHugeListsAreRefused() {
    assertCode("first,last\nA,B\n".getBytes(StandardCharsets.UTF_8), "registration.invite.columns");
    assertCode(new byte[0], "registration.invite.empty");
    assertCode("name,email\n".getBytes(StandardCharsets.UTF_8), "registration.invite.empty");
    assertCode(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1}, "registration.invite.notText");
    StringBuilder many = new StringBuilder("name,email\n");
    for (int i = 0; i <= InviteeCsv.MAX_ROWS; i++) {
      many.append("P").append(i).append(",p").append(i).append("@example.kz\n");
    }
    assertCode(many.toString().getBytes(StandardCharsets.UTF_8), "registration.invite.tooMany");
    assertCode(new byte[InviteeCsv.MAX_BYTES + 1], "registration.invite.tooLarge");
  }

  @Test
  void markupInNamesIsKeptAsText() {
    String csv = "name,email\n<script>alert(1)</script>,s@example.kz\n";
    assertThat(InviteeCsv.read(csv.getBytes(StandardCharsets.UTF_8), "en").get(0).fullName())
        .isEqualTo("<script>alert(1)</script>");
  }

  static void assertCode(byte[] file, String code) {
    assertThatThrownBy(() -> InviteeCsv.read(file, "en"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.fields().get(0).code()).isEqualTo(code));
  }
}
