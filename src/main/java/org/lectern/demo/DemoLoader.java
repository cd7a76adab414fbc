package org.lectern.demo;

import org.lectern.shared.lifecycle.StartupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.stereotype.Component;

/**
 * With LECTERN_DEMO=true, fills an empty database with the demo and prints the login. It runs as a
 * lifecycle phase before the web server starts, so no request is answered from a half-filled
 * database and readiness turns UP only afterwards.
 */
@Component
class DemoLoader extends StartupStep {

  /** After the administrator is created, before the web server opens its port. */
  static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;

  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  private final DemoData demo;
  private final boolean enabled;
  private final String baseUrl;

  DemoLoader(
      DemoData demo,
      @Value("${lectern.demo:false}") boolean enabled,
      @Value("${lectern.base-url}") String baseUrl) {
    super(PHASE);
    this.demo = demo;
    this.enabled = enabled;
    this.baseUrl = baseUrl;
  }

  @Override
  protected void run() {
    if (!enabled) {
      return;
    }
    if (demo.isEmpty()) {
      demo.load();
      log.info("Loaded the demo data set");
      // Certificates take a few seconds to render and sign: not in the way of the start.
      Thread issuing =
          new Thread(
              () -> {
                try {
                  log.info("Issued {} demo certificates", demo.issueCertificates());
                } catch (RuntimeException e) {
                  log.warn("Demo certificates not issued", e);
                }
              },
              "demo-certificates");
      issuing.setDaemon(true);
      issuing.start();
    }
    log.info(
        "\n\n  Lectern demo is running at {}\n  Demo organiser sign-in: {} / {}\n",
        baseUrl,
        DemoData.ORGANISER_EMAIL,
        DemoData.ORGANISER_PASSWORD);
    log.info("  Demo funder sign-in: {} / {}", DemoData.FUNDER_EMAIL, DemoData.FUNDER_PASSWORD);
  }
}
