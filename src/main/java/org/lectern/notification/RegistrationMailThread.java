package org.lectern.notification;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one background thread that composes registration mails after their registrations commit
 * ({@link RegistrationMailJobs}). Asks while it works coalesce into one more run. A class, not a
 * record: the thread and its two flags are the point.
 */
@Component
class RegistrationMailThread implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(RegistrationMailThread.class);

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "registration-mail");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean wanted = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();

  /** Asks the thread to run {@code work} soon; calls while it works coalesce. */
  void soon(Runnable work) {
    wanted.set(true);
    if (running.compareAndSet(false, true)) {
      try {
        worker.execute(() -> drain(work));
      } catch (RejectedExecutionException shuttingDown) {
        running.set(false);
      }
    }
  }

  private void drain(Runnable work) {
    try {
      while (wanted.getAndSet(false)) {
        work.run();
      }
    } catch (RuntimeException e) {
      // The outbox job composes what is left; the next registration asks again.
      log.warn("Composing registration mails failed: {}", OutboxSender.describe(e));
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
