package org.lectern.certificate.document;

/**
 * A template the organiser wrote cannot be used; carries the line so the editor can point at it.
 */
public class CertificateTemplateException extends RuntimeException {

  private final int line;

  public CertificateTemplateException(String message, int line) {
    super("Line " + line + ": " + message);
    this.line = line;
  }

  public CertificateTemplateException(String message, int line, Throwable cause) {
    super("Line " + line + ": " + message, cause);
    this.line = line;
  }

  /** 1-based line in the template source, or 0 when the problem is not tied to a line. */
  public int line() {
    return line;
  }
}
