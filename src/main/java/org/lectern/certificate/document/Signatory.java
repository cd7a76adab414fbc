package org.lectern.certificate.document;

import java.util.Objects;

/**
 * A person who signs the certificate on paper terms: the name and the title printed under the line.
 */
public record Signatory(String name, String title) {
  public Signatory {
    Objects.requireNonNull(name, "name");
    title = title == null ? "" : title;
  }
}
