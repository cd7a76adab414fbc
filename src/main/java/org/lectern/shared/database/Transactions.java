package org.lectern.shared.database;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions written where they happen (ADR 0027): what {@code @Transactional} did through a
 * proxy, for beans that are records and so cannot be proxied. Each method runs its work in the same
 * kind of transaction the annotation gave — joining the caller's transaction if there is one,
 * rolled back when the work throws.
 */
@Component
public final class Transactions {

  private final TransactionTemplate write;
  private final TransactionTemplate read;
  private final TransactionTemplate joined;
  private final TransactionTemplate savepoint;

  Transactions(PlatformTransactionManager manager) {
    this.write = new TransactionTemplate(manager);
    this.read = new TransactionTemplate(manager);
    read.setReadOnly(true);
    this.joined = new TransactionTemplate(manager);
    joined.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
    this.savepoint = new TransactionTemplate(manager);
    savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** As {@code @Transactional}: the work's result, committed when it returns. */
  public <T> T result(Supplier<T> work) {
    return write.execute(status -> work.get());
  }

  /** As {@code @Transactional} on a method returning nothing. */
  public void run(Runnable work) {
    write.executeWithoutResult(status -> work.run());
  }

  /** As {@code @Transactional(readOnly = true)}. */
  public <T> T read(Supplier<T> work) {
    return read.execute(status -> work.get());
  }

  /**
   * As {@code @Transactional(propagation = MANDATORY)}: the work joins the caller's transaction;
   * without one it is refused ({@code IllegalTransactionStateException}) and nothing runs.
   */
  public <T> T joined(Supplier<T> work) {
    return joined.execute(status -> work.get());
  }

  /** As {@link #joined(Supplier)} for work that returns nothing. */
  public void joinedRun(Runnable work) {
    joined.executeWithoutResult(status -> work.run());
  }

  /**
   * As {@code @Transactional(propagation = NESTED)}: inside the caller's transaction the work runs
   * under a savepoint, so when it throws only its own writes are rolled back and the caller's
   * transaction goes on; without a transaction it runs in a new one.
   */
  public void savepoint(Runnable work) {
    savepoint.executeWithoutResult(status -> work.run());
  }
}
