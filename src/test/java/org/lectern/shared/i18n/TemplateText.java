package org.lectern.shared.i18n;

/** Reduces a jte template line to the text a visitor would read, to find literal words. */
final class TemplateText {

  private TemplateText() {}

  static String visibleText(String template) {
    String s = stripExpressions(template.replaceAll("(?m)^@(import|param) .*$", ""));
    s =
        s.replaceAll(
            "@(import|param|if|elseif|else|endif|for|endfor|template\\.[\\w.]+|raw|endraw)\\b",
            " ");
    s = s.replaceAll("<!--.*?-->", " ");
    StringBuilder out = new StringBuilder();
    // Keep human attributes' values, drop the rest of each tag.
    java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<[^>]*>").matcher(s);
    int last = 0;
    while (tag.find()) {
      out.append(s, last, tag.start()).append(' ');
      java.util.regex.Matcher attr =
          java.util.regex.Pattern.compile("\\b(alt|title|placeholder|aria-label)=\"([^\"]*)\"")
              .matcher(tag.group());
      while (attr.find()) {
        out.append(attr.group(2)).append(' ');
      }
      last = tag.end();
    }
    out.append(s.substring(last));
    return out.toString().replaceAll("&[a-z]+;", " ");
  }

  // Removes ${...}, $unsafe{...}, @`...` openings and (...) of directives, balancing braces.
  private static String stripExpressions(String line) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '!' && i + 1 < line.length() && line.charAt(i + 1) == '{') {
        i = skipBalanced(line, i + 1, '{', '}');
      } else if (c == '$'
          && line.indexOf('{', i) > i
          && line.substring(i, line.indexOf('{', i)).matches("\\$(unsafe)?")) {
        i = skipBalanced(line, line.indexOf('{', i), '{', '}');
      } else if (c == '@' && i + 1 < line.length() && Character.isLetter(line.charAt(i + 1))) {
        int j = i + 1;
        while (j < line.length()
            && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '.')) {
          j++;
        }
        i = j < line.length() && line.charAt(j) == '(' ? skipBalanced(line, j, '(', ')') : j;
      } else if (c == '`' || c == '@' && i + 1 < line.length() && line.charAt(i + 1) == '`') {
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int skipBalanced(String s, int open, char o, char c) {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
        inString = !inString;
      } else if (!inString && ch == o) {
        depth++;
      } else if (!inString && ch == c && --depth == 0) {
        return i + 1;
      }
    }
    return s.length();
  }
}
