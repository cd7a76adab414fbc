package org.lectern.reference;

/**
 * An article of the International Covenant on Civil and Political Rights. The subject is an
 * informal label (the Covenant has none); its translations are message keys.
 */
public record IccprArticle(
    int number, String part, String partTheme, String subjectEn, boolean nonDerogable) {

  public String subjectKey() {
    return "iccpr.article." + number + ".subject";
  }

  public String partKey() {
    return "iccpr.part." + part;
  }
}
