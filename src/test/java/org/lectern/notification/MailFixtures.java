package org.lectern.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A programme with two sessions in the database, and helpers to read received mail. */
public final class MailFixtures {

  static final String TITLE_EN = "Fair trial rights under the ICCPR";
  static final String TITLE_RU = "Право на справедливый суд по МПГПП";
  static final String TITLE_KK = "АСҚП бойынша әділ сотқа құқық";
  static final Instant FIRST = Instant.parse("2031-02-09T04:00:00Z");
  static final Instant SECOND = Instant.parse("2031-02-16T04:00:00Z");

  private MailFixtures() {}

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GreenMail smtp(int port) {
    GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    g.start();
    return g;
  }

  record Programme(UUID id, UUID first, UUID second) {}

  static Programme programme(JdbcClient jdbc) {
    UUID org = UUID.randomUUID();
    UUID programme = UUID.randomUUID();
    String suffix = programme.toString().substring(0, 8);
    jdbc.sql(
            "insert into organisation (id, slug, name) values (:id, :slug, '{\"en\":\"Bar Committee\"}'::jsonb)")
        .param("id", org)
        .param("slug", "org-" + suffix)
        .update();
    jdbc.sql(
            """
            insert into programme (id, organisation_id, slug, title, languages, time_zone, status)
            values (:id, :org, :slug, cast(:title as jsonb), array['en','ru','kk'], 'Asia/Almaty', 'PUBLISHED')
            """)
        .param("id", programme)
        .param("org", org)
        .param("slug", "fair-trial-" + suffix)
        .param(
            "title",
            "{\"en\":\"" + TITLE_EN + "\",\"ru\":\"" + TITLE_RU + "\",\"kk\":\"" + TITLE_KK + "\"}")
        .update();
    UUID first = session(jdbc, programme, FIRST, 3);
    UUID second = session(jdbc, programme, SECOND, 0);
    return new Programme(programme, first, second);
  }

  static UUID session(JdbcClient jdbc, UUID programme, Instant start, int sequence) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into session (id, programme_id, title, starts_at, ends_at, mode, status, sequence)
            values (:id, :p, cast(:title as jsonb), :s, :e, 'ONLINE', 'PUBLISHED', :seq)
            """)
        .param("id", id)
        .param("p", programme)
        .param(
            "title",
            "{\"en\":\"Article 14: fair trial\",\"ru\":\"Статья 14: справедливый суд\",\"kk\":\"14-бап: әділ сот\"}")
        .param("s", Timestamp.from(start))
        .param("e", Timestamp.from(start.plusSeconds(7200)))
        .param("seq", sequence)
        .update();
    return id;
  }

  /** Whether the message is addressed to this address. */
  public static boolean recipientIs(jakarta.mail.Message m, String address) {
    try {
      return java.util.Arrays.stream(m.getAllRecipients())
          .anyMatch(a -> a.toString().toLowerCase().contains(address.toLowerCase()));
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }

  /** The first part of the given MIME type, as text. */
  public static String part(Part p, String type) throws Exception {
    if (p.isMimeType(type) && !(p.getContent() instanceof Multipart)) {
      try (InputStream in = p.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    if (p.getContent() instanceof Multipart m) {
      for (int i = 0; i < m.getCount(); i++) {
        BodyPart b = m.getBodyPart(i);
        String found = part(b, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
