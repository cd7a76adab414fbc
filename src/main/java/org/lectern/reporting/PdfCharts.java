package org.lectern.reporting;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.BasicStroke;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.lectern.reporting.ReportViews.MapView;
import org.w3c.dom.Element;

/**
 * The map and the bars of the PDF report, drawn as vector paths by openhtmltopdf itself: each
 * {@code <object type="...">} of {@link ReportPdf}'s HTML is handed to one of these drawers, which
 * fill and stroke shapes on the page and write labels through the renderer's own text path, so the
 * labels are real text in the embedded DejaVu Sans (Cyrillic and Kazakh included).
 *
 * <p>The map itself is drawn by {@link PdfMap}; this class holds the colours, the legend's symbols,
 * the bars and the drawing helpers they share.
 */
final class PdfCharts {

  static final String MAP = "application/x-lectern-map";
  static final String KEY = "application/x-lectern-map-key";
  static final String BAR = "application/x-lectern-bar";

  static final FSRGBColor INK = new FSRGBColor(0x1c, 0x24, 0x30);
  static final FSRGBColor SEA = new FSRGBColor(0xee, 0xf3, 0xf8);
  static final FSRGBColor LAND = new FSRGBColor(0xff, 0xff, 0xff);
  static final FSRGBColor BORDER = new FSRGBColor(0x8a, 0x94, 0xa3);
  static final FSRGBColor FRAME = new FSRGBColor(0xd5, 0xda, 0xe1);
  static final FSRGBColor CENTRE = new FSRGBColor(0x8a, 0x94, 0xa3);
  static final FSRGBColor ACCENT = new FSRGBColor(0x0b, 0x5c, 0xad);

  /** The accent at about half strength on white, as the page's fill-opacity: .5 looks. */
  static final FSRGBColor REACH = new FSRGBColor(0x85, 0xad, 0xd6);

  static final FSRGBColor HIDDEN = LAND;
  static final FSRGBColor TRACK = new FSRGBColor(0xf3, 0xf5, 0xf8);

  static final String FAMILY = "Lectern Sans";
  static final float LABEL_PT = 7.5f;

  private PdfCharts() {}

  /** The drawers for one report: its map, the legend's symbols, and bars. */
  static DefaultObjectDrawerFactory drawers(MapView map) {
    var f = new DefaultObjectDrawerFactory();
    f.registerDrawer(MAP, new PdfMap(map, RegionMap.outline()));
    f.registerDrawer(KEY, drawer(PdfCharts::key));
    f.registerDrawer(BAR, drawer(PdfCharts::bar));
    return f;
  }

  /** What a drawer of this class draws in: its element, its box, the device, a point in dots. */
  private interface Drawing {
    void draw(Element e, Rectangle2D.Double box, OutputDevice od, double pt);
  }

  /** A drawer that draws in a graphics state of its own (clip and stroke restored after). */
  private static FSObjectDrawer drawer(Drawing drawing) {
    return (e, x, y, width, height, od, ctx, dotsPerPixel) -> {
      Stroke before = od.getStroke();
      od.pushClip(null);
      drawing.draw(e, new Rectangle2D.Double(x, y, width, height), od, points(dotsPerPixel));
      od.popClip();
      od.setStroke(before);
      return null;
    };
  }

  /** One symbol of the legend: {@code data-kind} is reach, hidden or centre. */
  private static void key(Element e, Rectangle2D.Double box, OutputDevice od, double pt) {
    double cx = box.x + box.width / 2;
    double cy = box.y + box.height / 2;
    double r = Math.min(box.width, box.height) / 2 - 0.75 * pt;
    switch (e.getAttribute("data-kind")) {
      case "centre" -> {
        od.setColor(CENTRE);
        od.fill(circle(cx, cy, 1.8 * pt));
      }
      case "hidden" -> {
        var c = circle(cx, cy, r);
        od.setColor(HIDDEN);
        od.fill(c);
        od.setStroke(dashed(pt));
        od.setColor(ACCENT);
        od.draw(c);
      }
      default -> {
        var c = circle(cx, cy, r);
        od.setColor(REACH);
        od.fill(c);
        od.setStroke(new BasicStroke((float) (0.75 * pt)));
        od.setColor(ACCENT);
        od.draw(c);
      }
    }
  }

  /** A bar: the track, and the share ({@code data-percent}, 0–100) filled in the accent. */
  private static void bar(Element e, Rectangle2D.Double track, OutputDevice od, double pt) {
    int percent;
    try {
      percent = Math.max(0, Math.min(100, Integer.parseInt(e.getAttribute("data-percent"))));
    } catch (NumberFormatException ex) {
      percent = 0;
    }
    od.setColor(TRACK);
    od.fill(track);
    if (percent > 0) {
      od.setColor(ACCENT);
      od.fill(
          new Rectangle2D.Double(track.x, track.y, track.width * percent / 100.0, track.height));
    }
    od.setStroke(new BasicStroke((float) (0.5 * pt)));
    od.setColor(FRAME);
    od.draw(track);
  }

  static Ellipse2D circle(double cx, double cy, double r) {
    return new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
  }

  static BasicStroke dashed(double pt) {
    return new BasicStroke(
        (float) (0.75 * pt),
        BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER,
        10f,
        new float[] {(float) (2 * pt), (float) (1.5 * pt)},
        0f);
  }

  /** Dots per PDF point: a CSS pixel is 0.75 pt. */
  static double points(int dotsPerPixel) {
    return dotsPerPixel / 0.75;
  }

  static FSFont font(RenderingContext ctx, double size) {
    var spec = new FontSpecification();
    spec.families = new String[] {FAMILY};
    spec.size = (float) size;
    spec.fontWeight = IdentValue.NORMAL;
    spec.fontStyle = IdentValue.NORMAL;
    spec.variant = IdentValue.NORMAL;
    return ctx.getFont(spec);
  }
}
