package org.lectern.shared.pdf;

import com.openhtmltopdf.util.XRLog;
import java.util.logging.Level;
import org.springframework.context.annotation.Configuration;

/**
 * openhtmltopdf (certificates, report PDFs) writes several INFO lines per document to the console
 * on its own — six hundred lines for a hundred certificates. Only its warnings and errors are kept.
 */
@Configuration(proxyBeanMethods = false)
class PdfRendererLogging {

  PdfRendererLogging() {
    for (String logger : XRLog.listRegisteredLoggers()) {
      XRLog.setLevel(logger, Level.WARNING);
    }
  }
}
