package org.lectern.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lectern.reference.Region;
import org.lectern.reference.Regions;

/**
 * A map of Kazakhstan drawn by Lectern: one circle per region at its administrative centre, its
 * area proportional to the count. Equirectangular projection with the longitude scaled by the
 * cosine of the middle latitude, so that the country keeps its shape. No tiles, no scripts.
 */
final class RegionMap {

  static final double WEST = 45.5;
  static final double EAST = 88.0;
  static final double SOUTH = 40.0;
  static final double NORTH = 56.0;
  static final int WIDTH = 600;
  static final double MAX_RADIUS = 34;

  private static final String OUTLINE = "/reference/kz_outline_ne50m.txt";

  private static final double X_SCALE = WIDTH / (EAST - WEST);
  private static final double Y_SCALE = X_SCALE / Math.cos(Math.toRadians((NORTH + SOUTH) / 2));

  static final int HEIGHT = (int) Math.round((NORTH - SOUTH) * Y_SCALE);

  private RegionMap() {}

  /** One circle: where, how big, and the text for its title (name and count). */
  record Marker(
      String code, String name, double x, double y, double r, String label, boolean hidden) {}

  static double x(double lon) {
    return round((lon - WEST) * X_SCALE);
  }

  static double y(double lat) {
    return round((NORTH - lat) * Y_SCALE);
  }

  /**
   * Markers for the regions with delegates. Hidden counts ("&lt;5") get the smallest circle, so the
   * size does not reveal them either.
   */
  static List<ReportViews.Marker> markers(
      Regions regions,
      Map<String, Count> counts,
      String lang,
      java.util.function.Function<Count, String> text) {
    int max =
        counts.values().stream().filter(c -> !c.hidden()).mapToInt(Count::value).max().orElse(0);
    List<ReportViews.Marker> out = new ArrayList<>();
    for (Region r : regions.all()) {
      Count c = counts.get(r.code());
      if (c == null || (!c.hidden() && c.value() == 0)) {
        continue;
      }
      double radius =
          c.hidden() || max == 0
              ? 4
              : Math.max(4, round(MAX_RADIUS * Math.sqrt((double) c.value() / max)));
      out.add(
          new ReportViews.Marker(
              r.code(),
              r.name(lang),
              x(r.lon()),
              y(r.lat()),
              radius,
              r.name(lang) + ": " + text.apply(c),
              text.apply(c),
              c.hidden()));
    }
    // Big circles first, so that small ones stay visible on top.
    out.sort((a, b) -> Double.compare(b.r(), a.r()));
    return out;
  }

  /** Dots for every region centre, for orientation even where nobody registered. */
  static List<double[]> centres(Regions regions) {
    return regions.all().stream().map(r -> new double[] {x(r.lon()), y(r.lat())}).toList();
  }

  /**
   * The border of Kazakhstan in map units, one closed ring: Natural Earth's, simplified, for
   * orientation only (the circles carry the figures).
   */
  static List<double[]> outline() {
    return Outline.POINTS;
  }

  private static final class Outline {
    static final List<double[]> POINTS = load();

    private static List<double[]> load() {
      try (var in = RegionMap.class.getResourceAsStream(OUTLINE)) {
        if (in == null) {
          throw new IllegalStateException("missing " + OUTLINE);
        }
        List<double[]> out = new ArrayList<>();
        for (String line :
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          String t = line.strip();
          if (t.isEmpty() || t.startsWith("#")) {
            continue;
          }
          String[] lonLat = t.split("\\s+");
          out.add(
              new double[] {x(Double.parseDouble(lonLat[0])), y(Double.parseDouble(lonLat[1]))});
        }
        return List.copyOf(out);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
