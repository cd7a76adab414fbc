package org.lectern.shared.text;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Organiser-written Markdown to HTML. Raw HTML in the input is escaped and unsafe link schemes are
 * dropped, so the output is safe to insert into a page.
 */
public final class Markdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private Markdown() {}

  public static String toSafeHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return RENDERER.render(PARSER.parse(markdown));
  }

  /** The first paragraph as plain text, cut at a word boundary, for cards and descriptions. */
  public static String excerpt(String markdown, int max) {
    if (markdown == null) {
      return "";
    }
    String first =
        markdown.strip().split("\\n\\s*\\n", 2)[0].replaceAll("[*_`#>\\[\\]]", "").strip();
    if (first.length() <= max) {
      return first;
    }
    int cut = first.lastIndexOf(' ', max);
    return first.substring(0, cut > max / 2 ? cut : max) + "…";
  }
}
