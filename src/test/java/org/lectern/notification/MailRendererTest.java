package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mail laid out once for a batch (issue 16, eighth pass) is, with each greeting, the mail laid
 * out whole: the same text and the same HTML, the greeting escaped as the template escapes it.
 */
class MailRendererTest {

  private final MailRenderer renderer =
      new MailRenderer(TemplateEngine.createPrecompiled(ContentType.Html));

  private static MailContent content(String greeting, MailContent.Link action) {
    return new MailContent(
        "ru",
        "Регистрация подтверждена: «Право & <практика>»",
        greeting,
        List.of("Ваша регистрация подтверждена.", "Файл календаря приложен.\nВторая строка"),
        List.of(
            new MailContent.Fact("Программа", "Право & <практика> \"2027\""),
            new MailContent.Fact("Сессия", "9 февраля 2027, 10:00–12:00")),
        action,
        List.of("Lectern — письмо отправлено автоматически."));
  }

  @Test
  void eachGreetingGivesTheMailLaidOutWhole() {
    for (MailContent.Link action :
        new MailContent.Link[] {
          null, new MailContent.Link("Мои обучения", "https://example.org/my/sign-in?lang=ru&x=1")
        }) {
      MailRenderer.Skeleton skeleton = renderer.skeleton(content("ignored", action));
      assertThat(skeleton).isNotNull();
      for (String greeting :
          List.of(
              "Здравствуйте, Анна Иванова!",
              "Hello, <script>alert('x')</script> & \"friends\",",
              "Сәлеметсіз бе, Әйгерім O'Brien!",
              "Hello,",
              "")) {
        MailContent whole = content(greeting, action);
        assertThat(skeleton.text(greeting)).isEqualTo(MailRenderer.text(whole));
        assertThat(skeleton.html(greeting)).isEqualTo(renderer.html(whole));
        OutgoingMail fromSkeleton =
            skeleton.withGreeting(greeting).mail("k", null, "a@b.kz", List.of(), "d", false);
        OutgoingMail fromWhole =
            renderer.layout(whole).mail("k", null, "a@b.kz", List.of(), "d", false);
        assertThat(fromSkeleton).isEqualTo(fromWhole);
      }
    }
  }

  @Test
  void aContentThatShowsTheMarkItselfIsLaidOutPerMail() {
    MailContent odd =
        new MailContent(
            "en",
            "Subject",
            "Hello,",
            List.of("A paragraph with \0lectern:greeting\0 in it."),
            List.of(),
            null,
            List.of("Footer"));
    assertThat(renderer.skeleton(odd)).isNull();
  }
}
