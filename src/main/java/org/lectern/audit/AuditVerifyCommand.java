package org.lectern.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit chain from the command line and exits: {@code java -jar lectern.jar
 * --lectern.audit.verify-and-exit=true} (with the installation's usual database settings). Prints
 * one line and exits 0 when the chain is intact, 3 with the first entry that does not fit.
 */
@Component
@ConditionalOnProperty(name = "lectern.audit.verify-and-exit", havingValue = "true")
class AuditVerifyCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AuditVerifyCommand.class);

  private final AuditChain chain;
  private final ConfigurableApplicationContext context;

  AuditVerifyCommand(AuditChain chain, ConfigurableApplicationContext context) {
    this.chain = chain;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    ChainReport report = chain.verify();
    String line = describe(report);
    System.out.println(line);
    log.info(line);
    int code = report.intact() ? 0 : 3;
    System.exit(SpringApplication.exit(context, () -> code));
  }

  static String describe(ChainReport r) {
    if (r.intact()) {
      return "Audit chain intact: " + r.checked() + " entries, head " + r.headHash();
    }
    var b = r.firstBreak();
    return "Audit chain BROKEN at entry "
        + b.entryId()
        + " (place "
        + b.seq()
        + ", "
        + b.at()
        + "): "
        + b.reason()
        + "; "
        + r.checked()
        + " entries checked";
  }
}
