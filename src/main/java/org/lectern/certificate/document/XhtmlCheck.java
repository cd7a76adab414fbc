package org.lectern.certificate.document;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks template XHTML the way an organiser needs it explained: the parser's line, plus the
 * innermost element still open there, which is usually the tag they forgot to close.
 */
final class XhtmlCheck extends DefaultHandler {

  private record Open(String name, int line) {}

  private final Deque<Open> open = new ArrayDeque<>();
  private Locator locator;
  private int bodies;

  private XhtmlCheck() {}

  static void check(String xhtml) {
    XhtmlCheck handler = new XhtmlCheck();
    try {
      parserFactory().newSAXParser().parse(new InputSource(new StringReader(xhtml)), handler);
    } catch (SAXParseException e) {
      throw new CertificateTemplateException(
          "not well-formed XHTML: " + e.getMessage() + handler.innermostOpen(),
          Math.max(e.getLineNumber(), 1),
          e);
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new CertificateTemplateException("cannot read the template: " + e.getMessage(), 0, e);
    }
    if (handler.bodies != 1) {
      throw new CertificateTemplateException("the template needs exactly one <body>", 1);
    }
  }

  @Override
  public void setDocumentLocator(Locator locator) {
    this.locator = locator;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes)
      throws SAXParseException {
    if (open.isEmpty() && !localName.equals("html")) {
      throw new SAXParseException("the root element must be <html>, not <" + qName + ">", locator);
    }
    if (localName.equals("body")) {
      bodies++;
    }
    open.push(new Open(qName, locator.getLineNumber()));
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    open.pop();
  }

  @Override
  public void error(SAXParseException e) throws SAXParseException {
    throw e;
  }

  private String innermostOpen() {
    Open innermost = open.peek();
    return innermost == null
        ? ""
        : " (the innermost open element is <"
            + innermost.name()
            + "> from line "
            + innermost.line()
            + ")";
  }

  private static SAXParserFactory parserFactory()
      throws ParserConfigurationException, SAXException {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setXIncludeAware(false);
    return factory;
  }
}
