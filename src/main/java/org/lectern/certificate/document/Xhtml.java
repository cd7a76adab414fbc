package org.lectern.certificate.document;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Strict XML parsing of certificate XHTML: openhtmltopdf needs well-formed input, and no DTDs. */
final class Xhtml {

  private Xhtml() {}

  static Document parse(String xhtml) {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(
          new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
              throw e;
            }
          });
      Document document = builder.parse(new InputSource(new StringReader(xhtml)));
      requireHtmlRoot(document);
      return document;
    } catch (SAXParseException e) {
      throw new CertificateTemplateException(
          "not well-formed XHTML: " + e.getMessage(), Math.max(e.getLineNumber(), 1), e);
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new CertificateTemplateException("cannot read the template: " + e.getMessage(), 0, e);
    }
  }

  private static void requireHtmlRoot(Document document) {
    String root = document.getDocumentElement().getLocalName();
    if (!"html".equals(root)) {
      throw new CertificateTemplateException(
          "the root element must be <html>, not <" + root + ">", 1);
    }
    if (document.getElementsByTagNameNS("*", "body").getLength() != 1) {
      throw new CertificateTemplateException("the template needs exactly one <body>", 1);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  /** Escapes text for element content and quoted attribute values alike. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\r', '\n', '\t' -> out.append(' ');
                default -> out.appendCodePoint(isXmlCharacter(c) ? c : ' ');
              }
            });
    return out.toString();
  }

  // XML 1.0 forbids most control characters and lone surrogates even when escaped.
  private static boolean isXmlCharacter(int c) {
    return !Character.isISOControl(c) && !Character.isSurrogate((char) c) || c > 0xFFFF;
  }
}
