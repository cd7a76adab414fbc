package org.lectern.organisation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.lectern.shared.error.InvalidInputException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Accepts an SVG only when nothing in it can run or fetch: no DOCTYPE or entities, only drawing
 * elements, no event handlers, no links except to the file's own parts, no {@code url()} or
 * {@code @import} reaching outside. What is refused is named; nothing is silently rewritten.
 */
final class SvgCheck {

  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final Set<String> ELEMENTS =
      Set.of(
          "svg",
          "g",
          "path",
          "rect",
          "circle",
          "ellipse",
          "line",
          "polyline",
          "polygon",
          "text",
          "tspan",
          "textPath",
          "defs",
          "linearGradient",
          "radialGradient",
          "stop",
          "clipPath",
          "mask",
          "title",
          "desc",
          "use",
          "symbol",
          "pattern",
          "style",
          "metadata",
          "filter",
          "feGaussianBlur",
          "feOffset",
          "feBlend",
          "feColorMatrix",
          "feFlood",
          "feComposite",
          "feMerge",
          "feMergeNode",
          "marker");
  private static final Pattern URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*([^'\")\\s]*)");

  private SvgCheck() {}

  static boolean looksLikeXml(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8)
            .replace("\uFEFF", "")
            .stripLeading();
    return head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--");
  }

  static void check(byte[] bytes) {
    Element root;
    try {
      var f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      var builder = f.newDocumentBuilder();
      builder.setErrorHandler(null);
      root = builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    } catch (Exception e) {
      throw refused("organisation.logo.svgUnreadable");
    }
    if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
      throw refused("organisation.logo.svgUnreadable");
    }
    walk(root);
  }

  private static void walk(Element e) {
    String ns = e.getNamespaceURI();
    if (SVG_NS.equals(ns)) {
      if (!ELEMENTS.contains(e.getLocalName())) {
        throw refused("organisation.logo.svgElement", e.getLocalName());
      }
    } else if (ns == null || ns.contains("xhtml") || ns.contains("xlink")) {
      throw refused("organisation.logo.svgElement", e.getNodeName());
    }
    var attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      String name = (a.getLocalName() == null ? a.getNodeName() : a.getLocalName());
      String lower = name.toLowerCase(Locale.ROOT);
      String value = a.getNodeValue();
      if (lower.startsWith("on")) {
        throw refused("organisation.logo.svgHandler", name);
      }
      if (lower.equals("href") && !value.strip().startsWith("#")) {
        throw refused("organisation.logo.svgLink");
      }
      checkText(value);
    }
    if ("style".equals(e.getLocalName())) {
      checkText(e.getTextContent());
    }
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        walk(child);
      }
    }
  }

  private static void checkText(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.contains("javascript:") || lower.contains("@import")) {
      throw refused("organisation.logo.svgLink");
    }
    var m = URL.matcher(value);
    while (m.find()) {
      if (!m.group(1).startsWith("#")) {
        throw refused("organisation.logo.svgLink");
      }
    }
  }

  private static InvalidInputException refused(String code, Object... args) {
    return InvalidInputException.of("logo", code, args);
  }
}
