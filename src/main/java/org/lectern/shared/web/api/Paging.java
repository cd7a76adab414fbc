package org.lectern.shared.web.api;

import org.lectern.shared.error.InvalidInputException;

/** limit (default 100, at most 1000) and offset of API lists. */
public record Paging(int limit, int offset) {

  public static final int DEFAULT = 100;
  public static final int MAX = 1000;

  public static Paging of(Integer limit, Integer offset) {
    var p = new InvalidInputException.Collector();
    p.check(limit == null || (limit >= 1 && limit <= MAX), "limit", "validation.range", 1, MAX);
    p.check(offset == null || offset >= 0, "offset", "validation.min", 0);
    p.throwIfAny();
    return new Paging(limit == null ? DEFAULT : limit, offset == null ? 0 : offset);
  }

  public static final String TOTAL_HEADER = "X-Total-Count";
}
