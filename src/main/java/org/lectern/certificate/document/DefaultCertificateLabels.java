package org.lectern.certificate.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The app's wording of the certificate in en, ru or kk ({@code certificate.label.*} of the message
 * bundle), for rendering without a Spring context: tests and tools.
 */
public final class DefaultCertificateLabels {

  private static final String PREFIX = "certificate.label.";

  private DefaultCertificateLabels() {}

  public static CertificateLabels forLanguage(CertificateLanguage language) {
    String file =
        "messages/certificate_" + language.name().toLowerCase(Locale.ROOT) + ".properties";
    Properties bundle = new Properties();
    try (InputStream in =
        DefaultCertificateLabels.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("No message bundle " + file);
      }
      bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> labels =
        bundle.stringPropertyNames().stream()
            .filter(k -> k.startsWith(PREFIX))
            .collect(Collectors.toMap(k -> k.substring(PREFIX.length()), bundle::getProperty));
    return new CertificateLabels(labels);
  }
}
