package org.lectern.shared.lifecycle;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lectern.shared.logging.Scrubbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One background thread that runs work soon after it is asked for; asks that come while it works
 * coalesce into one more run. A failure is logged by its exception classes only (a message may
 * carry personal data) and left for the next ask. A class, not a record: the thread and its two
 * flags are the point. A feature's bean extends it with the thread's name.
 */
public class CoalescingWorker implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(CoalescingWorker.class);

  private final String name;
  private final ExecutorService worker;
  private final AtomicBoolean wanted = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();

  protected CoalescingWorker(String name) {
    this.name = name;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  /** Asks the thread to run {@code work} soon; calls while it works coalesce. */
  public void soon(Runnable work) {
    wanted.set(true);
    if (running.compareAndSet(false, true)) {
      try {
        worker.execute(() -> drain(work));
      } catch (RejectedExecutionException shuttingDown) {
        running.set(false);
      }
    }
  }

  /** As {@link #soon}, once the current transaction has committed (at once without one). */
  public void soonAfterCommit(Runnable work) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              soon(work);
            }
          });
    } else {
      soon(work);
    }
  }

  private void drain(Runnable work) {
    try {
      while (wanted.getAndSet(false)) {
        work.run();
      }
    } catch (RuntimeException e) {
      log.warn("Background work '{}' failed: {}", name, Scrubbed.describe(e));
    } finally {
      running.set(false);
    }
    if (wanted.get()) {
      soon(work);
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
