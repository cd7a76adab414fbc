package org.lectern.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses before the application sees it — an address it cannot decode ({@code /%ff},
 * an encoded slash, a NUL), a line longer than it reads — is answered like every other error: the
 * error page in the caller's language (problem+json under {@code /api/}), instead of Tomcat's own
 * English "HTTP Status 400 – Bad Request" page. Boot's {@code ErrorReportValve} on the host is
 * replaced by one that writes through {@link ErrorWriter}.
 */
@Component
class ContainerErrorPages
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final ObjectProvider<ErrorWriter> writer;

  ContainerErrorPages(ObjectProvider<ErrorWriter> writer) {
    this.writer = writer;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          Container host = context.getParent();
          Pipeline pipeline = host.getPipeline();
          for (Valve v : pipeline.getValves()) {
            if (v instanceof ErrorReportValve) {
              pipeline.removeValve(v);
            }
          }
          if (host instanceof StandardHost h) {
            // Otherwise the host adds Tomcat's own valve again when it starts.
            h.setErrorReportValveClass(Report.class.getName());
          }
          pipeline.addValve(new Report(writer));
        });
  }

  /** After Boot's customiser, which adds its own valve. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Tomcat's valve with our page instead of its report. */
  static final class Report extends ErrorReportValve {

    private static final org.slf4j.Logger log =
        org.slf4j.LoggerFactory.getLogger(ContainerErrorPages.class);

    private final ObjectProvider<ErrorWriter> writer;

    /** For the host, which may create one by its class name; then it writes a bare page. */
    public Report() {
      this(null);
    }

    Report(ObjectProvider<ErrorWriter> writer) {
      this.writer = writer;
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int code = response.getStatus();
      if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean io = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
      if (!io.get()) {
        return;
      }
      HttpStatus status = HttpStatus.resolve(code);
      if (status == null) {
        status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
      }
      String uri = request.getRequestURI();
      try {
        response.resetBuffer();
        ErrorWriter w = writer == null ? null : writer.getIfAvailable();
        if (w != null) {
          w.write(
              request,
              response,
              status,
              ErrorPageController.code(status),
              uri != null && uri.startsWith("/api/"));
          return;
        }
      } catch (IOException | RuntimeException e) {
        // Fall through to the bare page below: the request may be too broken for the full one.
        log.debug("error page for a refused request failed: {}", e.getClass().getName());
        response.resetBuffer();
      }
      try {
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(code + "\n");
      } catch (IOException | RuntimeException e) {
        // Nothing more can be said to this caller.
        log.debug("bare error answer failed: {}", e.getClass().getName());
      }
    }
  }
}
