package org.lectern.certificate.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1InputStream;

/**
 * The CMS signature inside a PDF's /Contents, without the zero padding PDF writers reserve.
 * BouncyCastle refuses trailing bytes, and non-zero "padding" would be unsigned smuggled data.
 */
final class DerSignature {

  private DerSignature() {}

  /** The DER object alone, or empty if anything but zeroes follows it or it is not DER. */
  static Optional<byte[]> withoutPadding(byte[] contents) {
    ByteArrayInputStream in = new ByteArrayInputStream(contents);
    try (ASN1InputStream asn1 = new ASN1InputStream(in)) {
      if (asn1.readObject() == null) {
        return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    int length = contents.length - in.available();
    for (int i = length; i < contents.length; i++) {
      if (contents[i] != 0) {
        return Optional.empty();
      }
    }
    return Optional.of(Arrays.copyOf(contents, length));
  }
}
