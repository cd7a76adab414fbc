package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words stored once for a batch's mails (issue 16, tenth pass) read back as they were written,
 * and each mail made from them and its greeting is the mail laid out whole.
 */
class MailBodyTest {

  private final MailRenderer renderer =
      new MailRenderer(TemplateEngine.createPrecompiled(ContentType.Html));

  @Test
  void aBodyReadsBackAsWritten() {
    for (MailBody body :
        List.of(
            new MailBody("", "", "", "", ""),
            new MailBody("12:3", "a:b", "7:", ":", "\0\n"),
            new MailBody(
                "Тема «Право»", "Здравствуйте, ", "!\n\nТекст", "<p>", "</p>\uD83D\uDE00"))) {
      assertThat(MailBody.decode(body.encode())).isEqualTo(body);
    }
    assertThat(MailBody.decode("")).isEqualTo(MailBody.SHREDDED);
    assertThat(MailBody.SHREDDED.text("")).isEmpty();
    assertThat(MailBody.SHREDDED.html("")).isEmpty();
    assertThatThrownBy(() -> MailBody.decode("3:abc")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> MailBody.decode("1:a1:b1:c1:d1:ee"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMailMadeFromTheStoredBodyIsTheMailLaidOutWhole() {
    for (String lang : List.of("ru", "kk", "en")) {
      MailContent open = content(lang, "ignored");
      MailRenderer.Skeleton skeleton = renderer.skeleton(open);
      MailBody stored = MailBody.decode(skeleton.body().encode());
      for (String greeting :
          List.of(
              "Здравствуйте, Анна <Иванова>!",
              "Сәлеметсіз бе, Әйгерім & O'Brien!",
              "Hello, " + "Very-Long-Name ".repeat(40) + "\"quoted\",",
              "")) {
        MailContent whole = content(lang, greeting);
        assertThat(stored.subject()).isEqualTo(whole.subject());
        assertThat(stored.text(greeting)).isEqualTo(MailRenderer.text(whole));
        assertThat(stored.html(greeting)).isEqualTo(renderer.html(whole));
      }
    }
  }

  private static MailContent content(String lang, String greeting) {
    return new MailContent(
        lang,
        "Subject " + lang + ": «Право & <практика>»",
        greeting,
        List.of("Body " + lang, "Файл календаря приложен.\nВторая строка"),
        List.of(new MailContent.Fact("Программа", "Право & <практика> \"2027\"")),
        new MailContent.Link("My", "https://example.org/my/sign-in?lang=" + lang + "&x=1"),
        List.of("Lectern"));
  }
}
