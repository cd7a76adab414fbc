package org.lectern.identity;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.lectern.shared.error.UnauthenticatedException;

/**
 * The response of a request with a {@link PendingToken}: before an answer is begun (its status, an
 * error, a redirect, its body) while the token is still unchecked, the token is read as the filter
 * reads it; if it no longer works — then, or as found by the batch — the filter's own 401 is
 * written instead and everything else the request writes is dropped. So a revoked or expired token
 * gets exactly the answer it got from the filter, whatever the request would have answered (a
 * malformed body, a rate limit, a refusal).
 */
final class UncheckedAnswer extends HttpServletResponseWrapper {

  private final HttpServletRequest req;
  private final PendingToken pending;
  private final ApiProblemEntryPoint problems;
  private boolean replaced;

  UncheckedAnswer(
      HttpServletRequest req,
      HttpServletResponse res,
      PendingToken pending,
      ApiProblemEntryPoint problems) {
    super(res);
    this.req = req;
    this.pending = pending;
    this.problems = problems;
  }

  /** Whether the request's own answer may go on (false: the 401 is written). */
  private boolean answering() {
    if (replaced) {
      return false;
    }
    if (pending.unchecked()) {
      try {
        pending.confirm();
      } catch (UnauthenticatedException refused) {
        // written below
      }
    }
    if (!pending.refused()) {
      return true;
    }
    replaced = true;
    var res = (HttpServletResponse) getResponse();
    if (!res.isCommitted()) {
      res.resetBuffer();
      try {
        problems.commence(req, res, null);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return false;
  }

  @Override
  public void setStatus(int sc) {
    if (answering()) {
      super.setStatus(sc);
    }
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    if (answering()) {
      super.sendError(sc, msg);
    }
  }

  @Override
  public void sendError(int sc) throws IOException {
    if (answering()) {
      super.sendError(sc);
    }
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    if (answering()) {
      super.sendRedirect(location);
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    return answering() ? super.getOutputStream() : DROPPED;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    return answering() ? super.getWriter() : new PrintWriter(Writer.nullWriter());
  }

  @Override
  public void flushBuffer() throws IOException {
    if (answering()) {
      super.flushBuffer();
    }
  }

  @Override
  public void setHeader(String name, String value) {
    if (!replaced) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!replaced) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    if (!replaced) {
      super.setIntHeader(name, value);
    }
  }

  @Override
  public void addIntHeader(String name, int value) {
    if (!replaced) {
      super.addIntHeader(name, value);
    }
  }

  @Override
  public void setDateHeader(String name, long date) {
    if (!replaced) {
      super.setDateHeader(name, date);
    }
  }

  @Override
  public void addDateHeader(String name, long date) {
    if (!replaced) {
      super.addDateHeader(name, date);
    }
  }

  @Override
  public void setContentType(String type) {
    if (!replaced) {
      super.setContentType(type);
    }
  }

  @Override
  public void setCharacterEncoding(String charset) {
    if (!replaced) {
      super.setCharacterEncoding(charset);
    }
  }

  @Override
  public void setContentLength(int len) {
    if (!replaced) {
      super.setContentLength(len);
    }
  }

  @Override
  public void setContentLengthLong(long len) {
    if (!replaced) {
      super.setContentLengthLong(len);
    }
  }

  @Override
  public void reset() {
    if (!replaced) {
      super.reset();
    }
  }

  @Override
  public void resetBuffer() {
    if (!replaced) {
      super.resetBuffer();
    }
  }

  private static final ServletOutputStream DROPPED =
      new ServletOutputStream() {
        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
      };
}
