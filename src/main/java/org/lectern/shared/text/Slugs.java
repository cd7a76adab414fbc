package org.lectern.shared.text;

import java.util.regex.Pattern;

/** URL slugs: lowercase a-z, 0-9 and single hyphens, at most 80 characters. */
public final class Slugs {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

  private Slugs() {}

  public static boolean isValid(String slug) {
    return slug != null && slug.length() <= 80 && SLUG.matcher(slug).matches();
  }
}
