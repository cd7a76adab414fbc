package org.lectern.certificate.document;

import java.util.Map;

/** Reference wording in en, ru and kk, for tests and as the seed of the app's message bundles. */
public final class DefaultCertificateLabels {

  private DefaultCertificateLabels() {}

  public static CertificateLabels forLanguage(CertificateLanguage language) {
    return new CertificateLabels(
        switch (language) {
          case EN -> english();
          case RU -> russian();
          case KK -> kazakh();
        });
  }

  private static Map<String, String> english() {
    return Map.ofEntries(
        Map.entry("title", "Certificate of Professional Development"),
        Map.entry("intro", "This is to certify that"),
        Map.entry("licence", "Licence No."),
        Map.entry("completed", "has completed the professional development programme"),
        Map.entry("dates", "Dates"),
        Map.entry("hours", "Total"),
        Map.entry("hoursUnit", "hours"),
        Map.entry("mode", "Delivery"),
        Map.entry("issuer", "Organiser"),
        Map.entry("partners", "In partnership with"),
        Map.entry("trainers", "Trainers"),
        Map.entry("topics", "Programme content"),
        Map.entry("module", "Module {0} of the programme"),
        Map.entry("code", "Certificate code"),
        Map.entry("verify", "Verify at"),
        Map.entry("issueDate", "Date of issue"));
  }

  private static Map<String, String> russian() {
    return Map.ofEntries(
        Map.entry("title", "Сертификат о повышении квалификации"),
        Map.entry("intro", "Настоящим удостоверяется, что"),
        Map.entry("licence", "Лицензия №"),
        Map.entry("completed", "прошёл(а) обучение по программе повышения квалификации"),
        Map.entry("dates", "Сроки обучения"),
        Map.entry("hours", "Объём"),
        Map.entry("hoursUnit", "ч."),
        Map.entry("mode", "Форма обучения"),
        Map.entry("issuer", "Организатор"),
        Map.entry("partners", "В партнёрстве с"),
        Map.entry("trainers", "Тренеры"),
        Map.entry("topics", "Содержание программы"),
        Map.entry("module", "Модуль {0} программы"),
        Map.entry("code", "Код сертификата"),
        Map.entry("verify", "Проверка подлинности"),
        Map.entry("issueDate", "Дата выдачи"));
  }

  private static Map<String, String> kazakh() {
    return Map.ofEntries(
        Map.entry("title", "Біліктілікті арттыру туралы сертификат"),
        Map.entry("intro", "Осымен расталады:"),
        Map.entry("licence", "Лицензия №"),
        Map.entry("completed", "біліктілікті арттыру бағдарламасы бойынша оқудан өтті"),
        Map.entry("dates", "Оқу мерзімі"),
        Map.entry("hours", "Көлемі"),
        Map.entry("hoursUnit", "сағ."),
        Map.entry("mode", "Оқу нысаны"),
        Map.entry("issuer", "Ұйымдастырушы"),
        Map.entry("partners", "Серіктестер"),
        Map.entry("trainers", "Тренерлер"),
        Map.entry("topics", "Бағдарлама мазмұны"),
        Map.entry("module", "Бағдарламаның {0}-модулі"),
        Map.entry("code", "Сертификат коды"),
        Map.entry("verify", "Түпнұсқалығын тексеру"),
        Map.entry("issueDate", "Берілген күні"));
  }
}
