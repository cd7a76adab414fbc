package org.lectern.certificate.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XHTML certificate layout with {@code {{variable}}} placeholders and {@code
 * {{#variable}}...{{/variable}}} sections (kept only when the variable is not empty). Organisers
 * edit it per programme; it is checked completely when parsed, so a broken template is refused at
 * save or preview time with its line number, never at issue time.
 */
public final class CertificateTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");
  private static final Pattern INNER =
      Pattern.compile("\\s*([#/]?)\\s*([A-Za-z][A-Za-z0-9.]*)\\s*");
  private static final String DEFAULT_RESOURCE = "/certificate/templates/default.xhtml";

  private final String source;
  private final List<TemplateNode> nodes;

  private CertificateTemplate(String source, List<TemplateNode> nodes) {
    this.source = source;
    this.nodes = nodes;
  }

  /** Parses and validates; throws {@link CertificateTemplateException} naming the line. */
  public static CertificateTemplate parse(String source) {
    Objects.requireNonNull(source, "source");
    CertificateTemplate template = new CertificateTemplate(source, parseNodes(source));
    XhtmlCheck.check(template.fill(CertificateVariables.sampleValues()));
    return template;
  }

  /** The built-in layout used when a programme has no template of its own. */
  public static CertificateTemplate defaultTemplate() {
    try (InputStream in = CertificateTemplate.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return parse(new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String source() {
    return source;
  }

  /** Fills in values that are already safe XHTML (see {@link CertificateVariables}). */
  String fill(Map<String, String> values) {
    StringBuilder out = new StringBuilder(source.length() * 2);
    nodes.forEach(node -> node.appendTo(out, values));
    return out.toString();
  }

  private static List<TemplateNode> parseNodes(String source) {
    Deque<TemplateNode.Section> open = new ArrayDeque<>();
    List<TemplateNode> root = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(source);
    int position = 0;
    while (matcher.find()) {
      addText(source.substring(position, matcher.start()), lineAt(source, position), open, root);
      addPlaceholder(matcher.group(1), lineAt(source, matcher.start()), open, root);
      position = matcher.end();
    }
    addText(source.substring(position), lineAt(source, position), open, root);
    if (!open.isEmpty()) {
      TemplateNode.Section section = open.peek();
      throw new CertificateTemplateException(
          "section {{#" + section.name() + "}} is never closed with {{/" + section.name() + "}}",
          section.line());
    }
    return root;
  }

  private static void addText(
      String text, int line, Deque<TemplateNode.Section> open, List<TemplateNode> root) {
    int stray = text.indexOf("{{");
    if (stray >= 0) {
      throw new CertificateTemplateException(
          "'{{' without a closing '}}'", line + countLines(text.substring(0, stray)));
    }
    target(open, root).add(new TemplateNode.Text(text));
  }

  private static void addPlaceholder(
      String inner, int line, Deque<TemplateNode.Section> open, List<TemplateNode> root) {
    Matcher parts = INNER.matcher(inner);
    if (!parts.matches()) {
      throw new CertificateTemplateException("malformed placeholder {{" + inner + "}}", line);
    }
    String kind = parts.group(1);
    String name = parts.group(2);
    if (!CertificateVariables.isKnown(name)) {
      throw new CertificateTemplateException(
          "unknown variable '" + name + "'; known: " + CertificateVariables.describeKnown(), line);
    }
    if (kind.equals("/")) {
      closeSection(name, line, open);
    } else if (kind.equals("#")) {
      TemplateNode.Section section = new TemplateNode.Section(name, line, new ArrayList<>());
      target(open, root).add(section);
      open.push(section);
    } else {
      target(open, root).add(new TemplateNode.Variable(name));
    }
  }

  private static void closeSection(String name, int line, Deque<TemplateNode.Section> open) {
    if (open.isEmpty() || !open.peek().name().equals(name)) {
      String expected = open.isEmpty() ? "no open section" : "{{/" + open.peek().name() + "}}";
      throw new CertificateTemplateException(
          "{{/" + name + "}} does not match an open section (expected " + expected + ")", line);
    }
    open.pop();
  }

  private static List<TemplateNode> target(
      Deque<TemplateNode.Section> open, List<TemplateNode> root) {
    return open.isEmpty() ? root : open.peek().children();
  }

  private static int lineAt(String source, int offset) {
    return 1 + countLines(source.substring(0, offset));
  }

  private static int countLines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }
}
