package org.lectern.shared.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * Work done once while the application starts, in a given lifecycle phase — typically before the
 * web server opens its port, so that no request finds the work half done. A failure stops the
 * start.
 */
public abstract class StartupStep implements SmartLifecycle {

  private final int phase;
  private volatile boolean running;

  protected StartupStep(int phase) {
    this.phase = phase;
  }

  /** The work, once, when the application starts. */
  protected abstract void run();

  @Override
  public final int getPhase() {
    return phase;
  }

  @Override
  public final boolean isRunning() {
    return running;
  }

  @Override
  public final void stop() {
    running = false;
  }

  @Override
  public final void start() {
    running = true;
    run();
  }
}
