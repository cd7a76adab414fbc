package org.lectern.certificate.document;

/**
 * A certificate could not be produced faithfully; we fail rather than issue a defective document.
 */
public class CertificateRenderingException extends RuntimeException {

  public CertificateRenderingException(String message) {
    super(message);
  }

  public CertificateRenderingException(String message, Throwable cause) {
    super(message, cause);
  }
}
