package org.lectern.reporting;

import java.util.List;

/**
 * Counts of one population split by one attribute. The cells add up to {@code total}: that is what
 * makes secondary suppression necessary (ADR 0006).
 */
public record Breakdown(String name, List<Cell> cells, int total) {

  public Breakdown {
    cells = List.copyOf(cells);
  }

  public int count(String value) {
    return cells.stream().filter(c -> c.value().equals(value)).mapToInt(Cell::count).sum();
  }
}
