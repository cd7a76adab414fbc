package org.lectern.reporting;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.lectern.reporting.ReportViews.Bar;
import org.lectern.reporting.ReportViews.ReportPage;
import org.lectern.reporting.ReportViews.TableView;
import org.lectern.shared.web.Ui;

/**
 * The report as PDF: the same page, in DejaVu Sans so that Kazakh and Russian letters print. The
 * map and the bars are {@code <object>}s that {@link PdfCharts} draws as vector paths with text
 * labels (the renderer's SVG support would bring Batik and turn SVG text into outlines).
 */
final class ReportPdf {

  private static final String FONT = "/certificate/fonts/DejaVuSans.ttf";

  /** The map's width in points: the A4 page's text width, give or take. */
  private static final double MAP_WIDTH = 490;

  private ReportPdf() {}

  static byte[] render(ReportPage page, Ui ui) {
    String html = html(page, ui);
    try (var out = new ByteArrayOutputStream()) {
      var b = new PdfRendererBuilder();
      b.useFastMode();
      b.useFont(() -> ReportPdf.class.getResourceAsStream(FONT), "Lectern Sans");
      b.useObjectDrawerFactory(PdfCharts.drawers(page.map()));
      b.withHtmlContent(html, null);
      b.toStream(out);
      b.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String html(ReportPage p, Ui ui) {
    var h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"")
        .append(ui.lang())
        .append("\"><head><meta charset=\"utf-8\"/>");
    h.append("<title>")
        .append(e(p.title().text()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>");
    h.append("<h1>")
        .append(e(ui.t("reporting.heading")))
        .append(' ')
        .append(e(p.title().text()))
        .append("</h1>");
    if (p.funderView()) {
      h.append("<p class=\"note\">").append(e(ui.t("reporting.funder.note"))).append("</p>");
    }
    if (p.coarsened()) {
      h.append("<p class=\"note\">").append(e(ui.t("reporting.coarsened"))).append("</p>");
    }
    h.append("<h2>").append(e(ui.t("reporting.funnel.heading"))).append("</h2>");
    bars(h, ui.t("reporting.step"), p.funnel(), null, ui);
    h.append("<h2>").append(e(ui.t("reporting.reach.heading"))).append("</h2>");
    h.append("<p>").append(e(p.outside().sentence())).append("</p>");
    map(h, p, ui);
    table(h, p.regions(), ui);
    h.append("<h2>").append(e(ui.t("reporting.who.heading"))).append("</h2>");
    p.breakdowns().forEach(t -> table(h, t, ui));
    h.append("<h2>")
        .append(e(ui.t("reporting.sessions.heading")))
        .append("</h2><p>")
        .append(e(p.zoneNote()))
        .append("</p><table><tr><th>")
        .append(e(ui.t("reporting.session")))
        .append("</th><th>")
        .append(e(ui.t("reporting.when")))
        .append("</th><th>")
        .append(e(ui.t("reporting.present")))
        .append("</th><th>")
        .append(e(ui.t("reporting.online")))
        .append("</th><th>")
        .append(e(ui.t("reporting.room")))
        .append("</th><th>")
        .append(e(ui.t("reporting.tables")))
        .append("</th><th>")
        .append(e(ui.t("reporting.byRecording")))
        .append("</th></tr>");
    p.sessions()
        .forEach(
            s ->
                h.append("<tr><td>")
                    .append(e(s.title().text()))
                    .append("</td><td>")
                    .append(e(s.when()))
                    .append("</td><td>")
                    .append(e(s.present()))
                    .append("</td><td>")
                    .append(e(s.online()))
                    .append("</td><td>")
                    .append(e(s.room()))
                    .append("</td><td>")
                    .append(e(s.tables()))
                    .append("</td><td>")
                    .append(e(s.byRecording()))
                    .append("</td></tr>"));
    h.append("</table><h2>").append(e(ui.t("reporting.indicators.heading"))).append("</h2><table>");
    p.indicators()
        .forEach(
            i ->
                h.append("<tr><td>")
                    .append(e(i.indicator()))
                    .append("</td><td>")
                    .append(e(i.value()))
                    .append("</td><td>")
                    .append(e(i.breakdown()))
                    .append("</td></tr>"));
    h.append("</table></body></html>");
    return h.toString();
  }

  private static void table(StringBuilder h, TableView t, Ui ui) {
    h.append("<h3>").append(e(t.heading())).append("</h3>");
    if (t.withheld()) {
      h.append("<p>").append(e(ui.t("reporting.withheld"))).append("</p>");
    }
    bars(h, t.heading(), t.rows(), t.total(), ui);
  }

  private static void bars(StringBuilder h, String heading, List<Bar> rows, String total, Ui ui) {
    h.append("<table><tr><th>")
        .append(e(heading))
        .append("</th><th class=\"n\">")
        .append(e(ui.t("reporting.count")))
        .append("</th><th class=\"c\"></th></tr>");
    for (Bar b : rows) {
      h.append("<tr><td>")
          .append(e(b.label()))
          .append("</td><td class=\"n\">")
          .append(e(b.count()))
          .append("</td><td class=\"c\"><object type=\"")
          .append(PdfCharts.BAR)
          .append("\" data-percent=\"")
          .append(Math.max(0, Math.min(100, b.percent())))
          .append("\" class=\"bar\"></object></td></tr>");
    }
    if (total != null) {
      h.append("<tr><th>")
          .append(e(ui.t("reporting.total")))
          .append("</th><th class=\"n\">")
          .append(e(total))
          .append("</th><th></th></tr>");
    }
    h.append("</table>");
  }

  /**
   * The map as an object that {@link PdfCharts} draws, its legend (symbols drawn the same way,
   * words from the messages) and the caption with the coordinates' attribution.
   */
  private static void map(StringBuilder h, ReportPage p, Ui ui) {
    var m = p.map();
    h.append("<div class=\"map\"><object class=\"kz-map\" type=\"")
        .append(PdfCharts.MAP)
        .append("\" style=\"width:")
        .append(pt(MAP_WIDTH))
        .append(";height:")
        .append(pt(MAP_WIDTH * m.height() / m.width()))
        .append("\"></object>");
    h.append("<p class=\"legend\">");
    key(h, "reach", ui.t("reporting.map.legend.reach"));
    if (m.anyHidden()) {
      key(h, "hidden", ui.t("reporting.map.legend.hidden"));
    }
    key(h, "centre", ui.t("reporting.map.legend.centre"));
    h.append("</p><p class=\"caption\">");
    if (m.anyHidden()) {
      h.append(e(ui.t("reporting.map.hiddenNote"))).append(' ');
    }
    h.append(e(ui.t("reporting.map.caption"))).append("</p></div>");
  }

  private static void key(StringBuilder h, String kind, String text) {
    h.append("<span class=\"entry\"><object type=\"")
        .append(PdfCharts.KEY)
        .append("\" data-kind=\"")
        .append(kind)
        .append("\" class=\"key\"></object> ")
        .append(e(text))
        .append("</span> ");
  }

  private static String pt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1fpt", v);
  }

  static String e(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static final String CSS =
      """
      @page { size: A4; margin: 16mm 14mm; }
      body { font-family: 'Lectern Sans'; font-size: 9.5pt; color: #1c2430; }
      h1 { font-size: 16pt; } h2 { font-size: 12.5pt; margin-top: 14pt; } h3 { font-size: 10.5pt; }
      table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; }
      tr { page-break-inside: avoid; }
      th, td { text-align: left; padding: 2pt 4pt; border-bottom: 0.5pt solid #d5dae1; vertical-align: top; }
      .n { text-align: right; width: 18%; } .c { width: 40%; }
      .bar { display: block; width: 100%; height: 7pt; margin-top: 2pt; }
      .note { border: 0.5pt solid #8a5300; padding: 4pt; }
      .map { margin: 6pt 0 10pt 0; page-break-inside: avoid; }
      .kz-map { display: block; }
      .legend { margin: 4pt 0 2pt 0; }
      .legend .entry { display: inline-block; margin-right: 10pt; white-space: nowrap; }
      .key { display: inline-block; width: 9pt; height: 9pt; vertical-align: middle; }
      .caption { font-size: 7.5pt; color: #5a6472; margin: 0; }
      """;
}
