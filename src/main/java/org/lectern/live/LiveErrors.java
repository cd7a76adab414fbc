package org.lectern.live;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Live-room failures that need no answer. */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LiveErrors {

  /** A client that went away mid-stream: nothing to answer, nothing to log. */
  @ExceptionHandler(
      org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
  void gone() {
    // the stream's subscriber is removed by the emitter's error callback
  }
}
