package org.lectern.attendance.report;

import java.util.List;

/**
 * The file is readable but means different things depending on a choice only a person can make (the
 * order of day and month, which meeting of several): the reader refuses to guess and lists the
 * options. Retry with the choice set in {@link ReadContext}.
 */
public class ReportChoiceNeededException extends ReportFormatException {

  private final List<ChoiceOption> options;

  public ReportChoiceNeededException(
      String code, int line, int column, List<ChoiceOption> options) {
    super(code, line, column, options.stream().map(ChoiceOption::value).toArray(String[]::new));
    this.options = List.copyOf(options);
  }

  public List<ChoiceOption> options() {
    return options;
  }
}
