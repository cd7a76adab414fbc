package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lectern.certificate.document.CertificateCode;
import org.lectern.certificate.document.CertificateContent;
import org.lectern.certificate.document.CertificateLabels;
import org.lectern.certificate.document.CertificateLanguage;
import org.lectern.certificate.document.CertificateRenderer;
import org.lectern.certificate.document.CertificateSigner;
import org.lectern.certificate.document.CertificateVerifier;
import org.lectern.certificate.document.CpdHours;
import org.lectern.certificate.document.DefaultCertificateLabels;
import org.lectern.certificate.document.OrganisationSigningKey;
import org.lectern.certificate.document.Signatory;
import org.lectern.certificate.document.SigningKeys;

/**
 * Certificates bulk (BENCHMARKS.md): 1,000 certificates rendered as PDF/A and signed, with as many
 * worker threads as the machine has cores, names and languages rotating through Kazakh, Russian and
 * English. Not a test (the name ends in neither IT nor Test): run with the command in
 * BENCHMARKS.md.
 */
class CertificateBulkBench {

  static final int COUNT = Integer.getInteger("bench.certificates", 1000);
  static final int THREADS =
      Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
  static final String[] NAMES = {
    "Әлия Қасымқызы Нұрғалиева", "Пётр Ильич Щербаков", "Dana O'Neil", "Іңкәр Сейітқызы"
  };

  @Test
  void thousandCertificatesRenderedAndSigned() throws Exception {
    OrganisationSigningKey key =
        SigningKeys.generateSelfSigned("Bench Bar Association", Duration.ofDays(3650));
    CertificateRenderer renderer = new CertificateRenderer();
    CertificateSigner signer = new CertificateSigner();
    SecureRandom random = new SecureRandom();
    // Warm-up (class loading, font parsing, JIT) is reported apart, as a running server has done
    // it.
    long warmStart = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      issue(i, renderer, signer, key, random);
    }
    double warmUp = (System.nanoTime() - warmStart) / 1e9;

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long start = System.nanoTime();
    List<Future<Integer>> sizes = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      int n = i;
      sizes.add(pool.submit(() -> issue(n, renderer, signer, key, random).length));
    }
    long bytes = 0;
    for (Future<Integer> f : sizes) {
      bytes += f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();

    byte[] sample = issue(7, renderer, signer, key, random);
    assertThat(new CertificateVerifier().verify(sample, List.of(key.certificate())).isValid())
        .isTrue();
    String report =
        String.format(
            "certificates=%d threads=%d cores=%d java=%s%nwarm-up (20 certificates, 1 thread): %.1f s%n"
                + "total: %.1f s, %.1f certificates/s, %.0f ms per certificate per thread,"
                + " average size %d KB%n",
            COUNT,
            THREADS,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            warmUp,
            seconds,
            COUNT / seconds,
            seconds * 1000 * THREADS / COUNT,
            bytes / COUNT / 1024);
    System.out.println(report);
    Path out = Path.of("target/bench/certificates-bulk.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private static byte[] issue(
      int n,
      CertificateRenderer renderer,
      CertificateSigner signer,
      OrganisationSigningKey key,
      SecureRandom random) {
    CertificateLanguage language = CertificateLanguage.values()[n % 3];
    CertificateLabels labels = DefaultCertificateLabels.forLanguage(language);
    CertificateCode code = CertificateCode.generate(random);
    CertificateContent content =
        new CertificateContent(
            NAMES[n % NAMES.length] + " " + n,
            Optional.of("АД-" + n),
            "Адам құқықтары және сот төрелігіне қол жеткізу",
            LocalDate.of(2031, 3, 3),
            LocalDate.of(2031, 3, 14),
            CpdHours.roundDownToHalfHour(Duration.ofMinutes(600 + n % 120)),
            "Online",
            "Қазақстан заңгерлер одағы",
            List.of("Һәкім құқықтық орталығы"),
            List.of("Өмірзақ Ұлықбекұлы", "Анна Ким"),
            List.of("Fair trial", "Freedom of expression", "Freedom of assembly"),
            n % 5 == 0,
            code,
            CertificateContent.verificationUrl(URI.create("https://lectern.example.kz"), code),
            LocalDate.of(2031, 3, 17),
            List.of(new Signatory("Гүлнұр Төлеуқызы", "Director")),
            null);
    return signer.sign(renderer.render(content, language, labels), key);
  }
}
