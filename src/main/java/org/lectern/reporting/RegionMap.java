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

  /**
   * The size of the counts written on the page's map, in map units: at a desktop's width (the map
   * about 600 pixels wide) one unit is about one pixel.
   */
  static final double LABEL_SIZE = 17;

  /**
   * The size of the counts on a narrow map (a phone's, about 330 pixels wide, where a unit is about
   * half a pixel): the page draws both sets and shows the one that suits the map's width.
   */
  static final double NARROW_LABEL_SIZE = 24;

  private static final String OUTLINE = "/reference/kz_outline_ne50m.txt";

  private static final double X_SCALE = WIDTH / (EAST - WEST);
  private static final double Y_SCALE = X_SCALE / Math.cos(Math.toRadians((NORTH + SOUTH) / 2));

  static final int HEIGHT = (int) Math.round((NORTH - SOUTH) * Y_SCALE);

  private RegionMap() {}

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
    return markers(regions, counts, lang, text, 0);
  }

  /**
   * As above, with circles scaled to {@code scaleMax} when it is larger than this map's own largest
   * count, so that maps shown side by side share one scale.
   */
  static List<ReportViews.Marker> markers(
      Regions regions,
      Map<String, Count> counts,
      String lang,
      java.util.function.Function<Count, String> text,
      int scaleMax) {
    int max =
        Math.max(
            scaleMax,
            counts.values().stream()
                .filter(c -> !c.hidden())
                .mapToInt(Count::value)
                .max()
                .orElse(0));
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

  /** The outline as the {@code d} of an SVG path, in the same map units as the circles. */
  static String outlinePath() {
    return Outline.PATH;
  }

  /**
   * Where the page writes each count: inside its circle when it fits, otherwise beside it (right,
   * left, above, below, then the corners), wherever it first clears the frame, the labels already
   * placed and the other circles; failing that, the first place that clears the frame and the
   * labels. A count with no such place gets no label: its circle's title and the table still carry
   * it. Small circles are labelled first, so that they get the best places. Every hidden count has
   * the same circle and the same label whatever it stands for, so neither gives it away.
   *
   * <p>Text widths are estimated (0.68 of the size a character, more than digits and most letters
   * of a sans-serif take), so a label may take a little less room than reserved, never much more.
   */
  static List<ReportViews.Label> labels(List<ReportViews.Marker> markers, double size) {
    var byRadius = new ArrayList<>(markers);
    byRadius.sort((a, b) -> Double.compare(a.r(), b.r()));
    List<double[]> placed = new ArrayList<>();
    List<ReportViews.Label> out = new ArrayList<>();
    double h = size * 0.72; // cap height of a sans-serif, near enough for digits
    double gap = size * 0.2;
    for (ReportViews.Marker m : byRadius) {
      double w = m.count().codePointCount(0, m.count().length()) * size * 0.68;
      List<Spot> spots = new ArrayList<>();
      if (2 * m.r() >= w + 2 * gap && 2 * m.r() >= h + 2 * gap) {
        spots.add(new Spot(m.x() - w / 2, m.y() - h / 2, w, h, "middle", true));
      }
      double d = m.r() * Math.sqrt(0.5); // corners: on the circle at 45 degrees
      spots.add(new Spot(m.x() + m.r() + gap, m.y() - h / 2, w, h, "start", false));
      spots.add(new Spot(m.x() - m.r() - gap - w, m.y() - h / 2, w, h, "end", false));
      spots.add(new Spot(m.x() - w / 2, m.y() - m.r() - gap - h, w, h, "middle", false));
      spots.add(new Spot(m.x() - w / 2, m.y() + m.r() + gap, w, h, "middle", false));
      spots.add(new Spot(m.x() + d + gap, m.y() - d - gap - h, w, h, "start", false));
      spots.add(new Spot(m.x() + d + gap, m.y() + d + gap, w, h, "start", false));
      spots.add(new Spot(m.x() - d - gap - w, m.y() - d - gap - h, w, h, "end", false));
      spots.add(new Spot(m.x() - d - gap - w, m.y() + d + gap, w, h, "end", false));
      Spot chosen = null;
      for (boolean clearOfCircles : new boolean[] {true, false}) {
        for (Spot s : spots) {
          if (s.inFrame()
              && placed.stream().noneMatch(s::overlaps)
              && (!clearOfCircles || markers.stream().noneMatch(o -> o != m && s.covers(o)))) {
            chosen = s;
            break;
          }
        }
        if (chosen != null) {
          break;
        }
      }
      if (chosen == null) {
        continue;
      }
      placed.add(new double[] {chosen.x(), chosen.y(), chosen.w(), chosen.h()});
      double x =
          switch (chosen.anchor()) {
            case "start" -> chosen.x();
            case "end" -> chosen.x() + chosen.w();
            default -> chosen.x() + chosen.w() / 2;
          };
      out.add(
          new ReportViews.Label(
              m.count(), round(x), round(chosen.y() + h), chosen.anchor(), chosen.inside()));
    }
    return out;
  }

  /** A place for a label: its box in map units, how the text is anchored, inside its circle. */
  private record Spot(double x, double y, double w, double h, String anchor, boolean inside) {

    boolean inFrame() {
      return x >= 0 && y >= 0 && x + w <= WIDTH && y + h <= HEIGHT;
    }

    boolean overlaps(double[] o) {
      double pad = 1;
      return x < o[0] + o[2] + pad
          && o[0] < x + w + pad
          && y < o[1] + o[3] + pad
          && o[1] < y + h + pad;
    }

    /** Whether the box touches another circle. */
    boolean covers(ReportViews.Marker o) {
      double nx = Math.max(x, Math.min(o.x(), x + w));
      double ny = Math.max(y, Math.min(o.y(), y + h));
      return Math.hypot(o.x() - nx, o.y() - ny) < o.r();
    }
  }

  private static final class Outline {
    static final List<double[]> POINTS = load();
    static final String PATH = path(POINTS);

    private static String path(List<double[]> points) {
      var d = new StringBuilder();
      for (double[] p : points) {
        d.append(d.length() == 0 ? "M" : "L").append(num(p[0])).append(' ').append(num(p[1]));
      }
      return d.isEmpty() ? "" : d.append('Z').toString();
    }

    private static String num(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

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
