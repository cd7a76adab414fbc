/**
 * The certificate document engine: content in, signed PDF/A out, and an offline check of a file.
 *
 * <p>Pure Java, no Spring and no database, so it can be tested on its own and benchmarked for bulk
 * issuing. The app decides eligibility, hours and wording (labels from its message bundles); this
 * package lays the certificate out ({@link org.lectern.certificate.document.CertificateRenderer}
 * with {@link org.lectern.certificate.document.CertificateTemplate}), seals it ({@link
 * org.lectern.certificate.document.CertificateSigner}) and checks uploads ({@link
 * org.lectern.certificate.document.CertificateVerifier}). Revocation lives in the app, by code.
 *
 * <p>Fonts: DejaVu Serif/Sans (Bitstream Vera licence, see resources/certificate/fonts). Colour
 * profile: sRGB.icc from icc-profiles-free (zlib licence, see resources/certificate/icc).
 */
package org.lectern.certificate.document;
