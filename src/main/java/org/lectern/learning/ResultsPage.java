package org.lectern.learning;

import java.util.List;
import java.util.UUID;

/** Results of a programme's knowledge test and feedback, for its organisers and speakers. */
public record ResultsPage(
    UUID programmeId,
    String title,
    boolean canManage,
    int passMark,
    int preTested,
    int postTested,
    int paired,
    String meanPre,
    String meanPost,
    String improved,
    String passed,
    List<Row> delegates,
    List<QuestionRow> questions) {

  /** One delegate's scores, per cent, "–" where not taken. */
  public record Row(String name, String pre, String post, String gain, String passed) {}

  /** How hard a question was: per cent right before and after, with the number answering. */
  public record QuestionRow(int number, String text, String lang, String pre, String post) {}
}
