package org.lectern.certificate.document;

import java.util.List;
import java.util.Map;

/** One piece of a parsed certificate template: literal XHTML, a variable or a section. */
sealed interface TemplateNode {

  void appendTo(StringBuilder out, Map<String, String> values);

  record Text(String xhtml) implements TemplateNode {
    @Override
    public void appendTo(StringBuilder out, Map<String, String> values) {
      out.append(xhtml);
    }
  }

  record Variable(String name) implements TemplateNode {
    @Override
    public void appendTo(StringBuilder out, Map<String, String> values) {
      out.append(values.getOrDefault(name, ""));
    }
  }

  /** Kept only when its variable is not empty; its own text still counts for line numbers. */
  record Section(String name, int line, List<TemplateNode> children) implements TemplateNode {
    @Override
    public void appendTo(StringBuilder out, Map<String, String> values) {
      if (values.getOrDefault(name, "").isEmpty()) {
        out.append("\n".repeat(countLines(children)));
        return;
      }
      children.forEach(child -> child.appendTo(out, values));
    }

    private static int countLines(List<TemplateNode> nodes) {
      int lines = 0;
      for (TemplateNode node : nodes) {
        if (node instanceof Text text) {
          lines += (int) text.xhtml().chars().filter(c -> c == '\n').count();
        } else if (node instanceof Section section) {
          lines += countLines(section.children());
        }
      }
      return lines;
    }
  }
}
