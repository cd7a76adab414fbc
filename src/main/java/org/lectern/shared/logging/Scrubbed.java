package org.lectern.shared.logging;

/**
 * An exception fit for the log: the same types and stack traces as the original, without any
 * message. Messages of libraries and of the database quote the data they failed on — a holder's
 * name that a font cannot print, a duplicate e-mail address — and logs are kept, copied and shipped
 * with far less care than the database.
 */
public final class Scrubbed extends RuntimeException {

  private Scrubbed(Throwable original, Throwable cause) {
    super(original.getClass().getName(), cause, false, true);
    setStackTrace(original.getStackTrace());
  }

  /** The exception chain (at most 8 deep) with every message removed. */
  public static Throwable of(Throwable e) {
    return e == null ? null : copy(e, 0);
  }

  private static Throwable copy(Throwable e, int depth) {
    Throwable cause = e.getCause() == null || depth >= 8 ? null : copy(e.getCause(), depth + 1);
    return new Scrubbed(e, cause);
  }

  /** The exception's type and its causes' types, e.g. "IOException < EOFException". */
  public static String describe(Throwable e) {
    StringBuilder b = new StringBuilder(e.getClass().getSimpleName());
    Throwable cause = e.getCause();
    for (int i = 0; cause != null && i < 3; i++, cause = cause.getCause()) {
      b.append(" < ").append(cause.getClass().getSimpleName());
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
