package org.lectern.news;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.lectern.shared.text.Markdown;

/**
 * An organisation's posts as an Atom feed (RFC 4287): one entry per published post in the language
 * asked for (else the one it has), with its text as escaped HTML. Written by hand: the format is
 * small and every value is escaped here.
 */
final class AtomFeed {

  private AtomFeed() {}

  record Entry(
      String url,
      String id,
      String title,
      String lang,
      String html,
      Instant published,
      Instant updated,
      String author) {}

  static String write(
      String feedUrl,
      String siteUrl,
      String id,
      String title,
      Instant updated,
      List<Entry> entries) {
    StringBuilder x = new StringBuilder(4096);
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("  <id>")
        .append(esc(id))
        .append("</id>\n")
        .append("  <title>")
        .append(esc(title))
        .append("</title>\n")
        .append("  <updated>")
        .append(time(updated))
        .append("</updated>\n")
        .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
        .append(esc(feedUrl))
        .append("\"/>\n")
        .append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
        .append(esc(siteUrl))
        .append("\"/>\n")
        .append("  <author><name>")
        .append(esc(title))
        .append("</name></author>\n");
    for (Entry e : entries) {
      x.append("  <entry xml:lang=\"")
          .append(esc(e.lang()))
          .append("\">\n")
          .append("    <id>")
          .append(esc(e.id()))
          .append("</id>\n")
          .append("    <title>")
          .append(esc(e.title()))
          .append("</title>\n")
          .append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
          .append(esc(e.url()))
          .append("\"/>\n")
          .append("    <published>")
          .append(time(e.published()))
          .append("</published>\n")
          .append("    <updated>")
          .append(time(e.updated()))
          .append("</updated>\n");
      if (e.author() != null) {
        x.append("    <author><name>").append(esc(e.author())).append("</name></author>\n");
      }
      x.append("    <content type=\"html\">")
          .append(esc(e.html()))
          .append("</content>\n")
          .append("  </entry>\n");
    }
    return x.append("</feed>\n").toString();
  }

  static String html(String markdown) {
    return Markdown.toSafeHtml(markdown);
  }

  private static String time(Instant i) {
    return DateTimeFormatter.ISO_INSTANT.format(i);
  }

  /** XML text: the five special characters escaped, and nothing XML 1.0 cannot carry. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                  boolean legal =
                      c == 0x9
                          || c == 0xA
                          || c == 0xD
                          || (c >= 0x20 && c <= 0xD7FF)
                          || (c >= 0xE000 && c <= 0xFFFD)
                          || c >= 0x10000;
                  if (legal) {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
