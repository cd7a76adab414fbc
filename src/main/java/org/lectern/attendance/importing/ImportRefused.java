package org.lectern.attendance.importing;

import java.util.List;
import org.lectern.attendance.report.ChoiceOption;
import org.lectern.attendance.report.ReportChoiceNeededException;
import org.lectern.attendance.report.ReportFormatException;
import org.lectern.shared.error.DomainException;

/**
 * A report that cannot be recorded as it is: unreadable (with the line and column), or readable
 * only after the organiser chooses one of {@code options}. Nothing is stored.
 */
public class ImportRefused extends DomainException {

  private final int line;
  private final int column;
  private final transient List<ChoiceOption> options;

  public ImportRefused(
      String code, int line, int column, List<ChoiceOption> options, Object... args) {
    super(code, args);
    this.line = line;
    this.column = column;
    this.options = List.copyOf(options);
  }

  static ImportRefused of(ReportFormatException e) {
    List<ChoiceOption> options =
        e instanceof ReportChoiceNeededException c ? c.options() : List.of();
    return new ImportRefused(e.code(), e.line(), e.column(), options, e.args().toArray());
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public List<ChoiceOption> options() {
    return options;
  }

  public boolean choiceNeeded() {
    return !options.isEmpty();
  }
}
