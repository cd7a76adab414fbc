package org.lectern.reporting;

import static org.lectern.reporting.PdfCharts.ACCENT;
import static org.lectern.reporting.PdfCharts.BORDER;
import static org.lectern.reporting.PdfCharts.CENTRE;
import static org.lectern.reporting.PdfCharts.FRAME;
import static org.lectern.reporting.PdfCharts.HIDDEN;
import static org.lectern.reporting.PdfCharts.INK;
import static org.lectern.reporting.PdfCharts.LABEL_PT;
import static org.lectern.reporting.PdfCharts.LAND;
import static org.lectern.reporting.PdfCharts.REACH;
import static org.lectern.reporting.PdfCharts.SEA;
import static org.lectern.reporting.PdfCharts.circle;
import static org.lectern.reporting.PdfCharts.dashed;
import static org.lectern.reporting.PdfCharts.font;
import static org.lectern.reporting.PdfCharts.points;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lectern.reporting.ReportViews.MapView;
import org.lectern.reporting.ReportViews.Marker;
import org.w3c.dom.Element;

/**
 * The PDF report's map, drawn by openhtmltopdf (see {@link PdfCharts}): the same circles as the
 * page ({@link RegionMap}: positions, radii, and the smallest circle for every hidden count), each
 * labelled with its count as the table shows it ("&lt;5" or "hidden" in the funder view), over
 * Natural Earth's outline of Kazakhstan.
 */
final class PdfMap implements FSObjectDrawer {

  private final MapView map;
  private final List<double[]> outline;

  PdfMap(MapView map, List<double[]> outline) {
    this.map = map;
    this.outline = outline;
  }

  @Override
  public Map<Shape, String> drawObject(
      Element e,
      double x,
      double y,
      double width,
      double height,
      OutputDevice od,
      RenderingContext ctx,
      int dotsPerPixel) {
    double pt = points(dotsPerPixel);
    double scale = Math.min(width / map.width(), height / map.height());
    var f = new Frame(x, y, scale);
    Stroke before = od.getStroke();
    var sea = new Rectangle2D.Double(x, y, map.width() * scale, map.height() * scale);
    od.setColor(SEA);
    od.fill(sea);
    // Like the page's SVG, nothing shows outside the frame (a big circle on the northern
    // border would otherwise spill over the text above).
    od.pushClip(sea);

    if (!outline.isEmpty()) {
      var land = new Path2D.Double();
      land.moveTo(f.x(outline.get(0)[0]), f.y(outline.get(0)[1]));
      for (double[] p : outline.subList(1, outline.size())) {
        land.lineTo(f.x(p[0]), f.y(p[1]));
      }
      land.closePath();
      od.setColor(LAND);
      od.fill(land);
      od.setStroke(new BasicStroke((float) (0.6 * pt)));
      od.setColor(BORDER);
      od.draw(land);
    }

    od.setColor(CENTRE);
    for (double[] c : map.centres()) {
      od.fill(circle(f.x(c[0]), f.y(c[1]), 2 * scale));
    }

    // Markers come biggest first (RegionMap), so the small ones stay visible on top.
    for (Marker m : map.markers()) {
      var c = circle(f.x(m.x()), f.y(m.y()), m.r() * scale);
      od.setColor(m.hidden() ? HIDDEN : REACH);
      od.fill(c);
      od.setStroke(m.hidden() ? dashed(pt) : new BasicStroke((float) (0.75 * pt)));
      od.setColor(ACCENT);
      od.draw(c);
    }

    FSFont font = font(ctx, LABEL_PT * pt);
    od.setFont(font);
    od.setColor(INK);
    var placed = new ArrayList<Rectangle2D>();
    var bounds = sea.getBounds2D();
    // Labels of small circles first, so that they get the best places; big ones hold theirs.
    var byRadius = new ArrayList<>(map.markers());
    byRadius.sort((a, b) -> Double.compare(a.r(), b.r()));
    for (Marker m : byRadius) {
      label(od, ctx, font, pt, f.x(m.x()), f.y(m.y()), m.r() * scale, m.count(), placed, bounds);
    }
    od.popClip();
    od.setStroke(new BasicStroke((float) (0.5 * pt)));
    od.setColor(FRAME);
    od.draw(sea);
    od.setStroke(before);
    return null;
  }

  /** Map units (the SVG's viewBox) to the drawer's dots. */
  record Frame(double x, double y, double scale) {
    double x(double u) {
      return x + u * scale;
    }

    double y(double u) {
      return y + u * scale;
    }
  }

  /**
   * A count inside its circle when it fits, otherwise beside it: right, left, above or below,
   * whichever first clears the labels already placed and the frame.
   */
  private static void label(
      OutputDevice od,
      RenderingContext ctx,
      FSFont font,
      double pt,
      double cx,
      double cy,
      double r,
      String text,
      List<Rectangle2D> placed,
      Rectangle2D bounds) {
    double w = ctx.getTextRenderer().getWidth(ctx.getFontContext(), font, text);
    double h = LABEL_PT * pt * 0.75; // cap height of DejaVu Sans, near enough for digits
    double gap = 1.5 * pt;
    List<Rectangle2D> candidates = new ArrayList<>();
    if (2 * r >= w + 2 * gap && 2 * r >= h + 2 * gap) {
      candidates.add(new Rectangle2D.Double(cx - w / 2, cy - h / 2, w, h));
    }
    candidates.add(new Rectangle2D.Double(cx + r + gap, cy - h / 2, w, h));
    candidates.add(new Rectangle2D.Double(cx - r - gap - w, cy - h / 2, w, h));
    candidates.add(new Rectangle2D.Double(cx - w / 2, cy - r - gap - h, w, h));
    candidates.add(new Rectangle2D.Double(cx - w / 2, cy + r + gap, w, h));
    Rectangle2D chosen = candidates.get(0);
    for (Rectangle2D c : candidates) {
      if (bounds.contains(c) && placed.stream().noneMatch(p -> p.intersects(c))) {
        chosen = c;
        break;
      }
    }
    placed.add(chosen);
    ctx.getTextRenderer()
        .drawString(od, text, (float) chosen.getX(), (float) (chosen.getY() + chosen.getHeight()));
  }
}
