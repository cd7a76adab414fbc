package org.lectern.reporting;

import com.openhtmltopdf.css.parser.FSRGBColor;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * What a PDF draws, read back from its content streams with PDFBox: every filled path (its colour,
 * its bounds in page space, and whether it has curves, as circles do) and every piece of text shown
 * (its string, where it starts, and its font).
 */
final class PdfDrawing {

  record Fill(int page, int rgb, Rectangle2D bounds, boolean curved) {}

  record Text(int page, String text, double x, double y, String font) {}

  final List<Fill> fills = new ArrayList<>();
  final List<Text> texts = new ArrayList<>();
  final List<Rectangle2D> images = new ArrayList<>();

  static PdfDrawing of(byte[] pdf) {
    var d = new PdfDrawing();
    try (var doc = Loader.loadPDF(pdf)) {
      int n = 0;
      for (PDPage page : doc.getPages()) {
        d.new Engine(page, n++).processPage(page);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return d;
  }

  static int rgb(FSRGBColor c) {
    return (c.getRed() << 16) | (c.getGreen() << 8) | c.getBlue();
  }

  /** The filled paths of one colour, curved or not. */
  List<Fill> fills(FSRGBColor colour, boolean curved) {
    return fills.stream().filter(f -> f.rgb() == rgb(colour) && f.curved() == curved).toList();
  }

  /**
   * The fills and texts on the same page as {@code frame} that are centred inside it (a circle on
   * the border is cut off by the frame, but it is there).
   */
  List<Fill> fillsIn(Fill frame) {
    return fills.stream()
        .filter(f -> f != frame && f.page() == frame.page())
        .filter(f -> frame.bounds().contains(f.bounds().getCenterX(), f.bounds().getCenterY()))
        .toList();
  }

  List<Text> textsIn(Fill frame) {
    return texts.stream()
        .filter(t -> t.page() == frame.page() && frame.bounds().contains(t.x(), t.y()))
        .toList();
  }

  private final class Engine extends PDFGraphicsStreamEngine {

    private final int page;
    private final Path2D.Double path = new Path2D.Double();
    private boolean curved;
    private StringBuilder text;
    private double textX;
    private double textY;
    private String textFont;

    Engine(PDPage p, int page) {
      super(p);
      this.page = page;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
      path.moveTo(p0.getX(), p0.getY());
      path.lineTo(p1.getX(), p1.getY());
      path.lineTo(p2.getX(), p2.getY());
      path.lineTo(p3.getX(), p3.getY());
      path.closePath();
    }

    @Override
    public void moveTo(float x, float y) {
      path.moveTo(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
      path.lineTo(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
      path.curveTo(x1, y1, x2, y2, x3, y3);
      curved = true;
    }

    @Override
    public Point2D getCurrentPoint() {
      return path.getCurrentPoint() == null ? new Point2D.Float() : path.getCurrentPoint();
    }

    @Override
    public void closePath() {
      path.closePath();
    }

    @Override
    public void endPath() {
      reset();
    }

    @Override
    public void strokePath() {
      reset();
    }

    @Override
    public void fillPath(int windingRule) throws IOException {
      fills.add(
          new Fill(
              page, getGraphicsState().getNonStrokingColor().toRGB(), path.getBounds2D(), curved));
      reset();
    }

    @Override
    public void fillAndStrokePath(int windingRule) throws IOException {
      fillPath(windingRule);
    }

    @Override
    public void clip(int windingRule) {}

    @Override
    public void drawImage(PDImage pdImage) {
      Matrix m = getGraphicsState().getCurrentTransformationMatrix();
      images.add(
          new Rectangle2D.Double(
              m.getTranslateX(), m.getTranslateY(), m.getScalingFactorX(), m.getScalingFactorY()));
    }

    @Override
    public void shadingFill(COSName shadingName) {}

    @Override
    protected void showText(byte[] string) throws IOException {
      text = new StringBuilder();
      textFont = null;
      super.showText(string);
      if (!text.isEmpty()) {
        texts.add(new Text(page, text.toString(), textX, textY, textFont));
      }
      text = null;
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
        throws IOException {
      if (text != null) {
        if (text.isEmpty()) {
          textX = textRenderingMatrix.getTranslateX();
          textY = textRenderingMatrix.getTranslateY();
          textFont = font.getName();
        }
        String u = font.toUnicode(code);
        text.append(u == null ? "\uFFFD" : u);
      }
      super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    private void reset() {
      path.reset();
      curved = false;
    }
  }
}
