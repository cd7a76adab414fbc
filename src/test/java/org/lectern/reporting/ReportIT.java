package org.lectern.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.programme.ProgrammeRole;
import org.lectern.reference.Regions;
import org.lectern.registration.OwnRegistrations;
import org.lectern.registration.RegistrationService;
import org.lectern.reporting.ReportFixture.Delegate;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/**
 * The report over HTTP on a fixed data set whose figures were counted by hand, the funder view of
 * the same data, exports, access rules, and random data sets for the funder's guarantees.
 */
class ReportIT extends IntegrationTest {

  @Autowired ReportFixture fx;
  @Autowired org.lectern.support.Fixtures fixtures;
  @Autowired RegistrationService registrations;
  @Autowired OwnRegistrations own;
  @Autowired Regions regions;
  @Autowired MessageSource messages;

  Http http;
  LecternUser organiser;
  UUID programme;
  String organiserToken;
  String funderToken;
  final List<Delegate> fixed = new ArrayList<>();

  // region, gender, profession, years, language — 19 confirmed delegates, counted by hand below.
  static final String[][] ROWS = {
    {"KZ-75", "female", "advocate", "3-5", "ru"},
    {"KZ-75", "female", "advocate", "6-10", "ru"},
    {"KZ-75", "male", "advocate", "6-10", "kk"},
    {"KZ-75", "female", "ngo_lawyer", "1-2", "ru"},
    {"KZ-75", "male", "advocate", "11-20", "ru"},
    {"KZ-75", "female", "advocate", "21+", "en"},
    {"KZ-71", "female", "advocate", "3-5", "kk"},
    {"KZ-71", "male", "student", "none", "kk"},
    {"KZ-71", "female", "advocate", "6-10", "ru"},
    {"KZ-71", "male", "ngo_lawyer", "3-5", "ru"},
    {"KZ-71", "female", "advocate", "11-20", "ru"},
    {"KZ-35", "female", "advocate", "6-10", "ru"},
    {"KZ-35", "male", "advocate", "3-5", "kk"},
    {"KZ-35", "female", "student", "none", "ru"},
    {"KZ-63", "female", "ngo_lawyer", "6-10", "ru"},
    {"KZ-63", "male", "advocate", "11-20", "ru"},
    {"KZ-10", "undisclosed", "advocate", "3-5", "kk"},
    {"OTHER", "male", "ngo_lawyer", "21+", "en"},
    {null, "female", "student", "1-2", "ru"},
  };

  @BeforeAll
  void setUp() {
    http = new Http(baseUrl());
    organiser = fx.organiser("report");
    programme = fx.programme(organiser, "report");
    for (int i = 0; i < ROWS.length; i++) {
      var d =
          new Delegate(
              "Делегат Тестов" + i,
              "delegate" + i + "@report.example",
              ROWS[i][0],
              ROWS[i][1],
              ROWS[i][2],
              ROWS[i][3],
              ROWS[i][4]);
      fixed.add(d);
      fx.register(organiser, programme, d);
    }
    var gone =
        new Delegate(
            "Ушедший Участник", "gone@report.example", "KZ-75", "female", "advocate", "3-5", "ru");
    fixed.add(gone);
    own.cancelByDelegate(gone.email(), fx.register(organiser, programme, gone));
    organiserToken = fx.token(organiser);
    funderToken = fx.token(fx.funderOf(organiser, programme));
    fx.publish(organiser, programme, "after registration");
  }

  JsonNode report(String token) {
    var r =
        http.get("/api/v1/programmes/" + programme + "/report", "Authorization", "Bearer " + token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static String count(JsonNode list, String key, String value) {
    for (JsonNode n : list) {
      if (n.get(key).asString().equals(value)) {
        return n.get("count").toString();
      }
    }
    return "absent";
  }

  @Test
  void organiserSeesTheHandCountedFigures() {
    JsonNode r = report(organiserToken);
    assertThat(r.at("/registrations/total").asInt()).isEqualTo(20);
    assertThat(r.at("/registrations/byStatus/CONFIRMED").asInt()).isEqualTo(19);
    assertThat(r.at("/registrations/byStatus/CANCELLED").asInt()).isEqualTo(1);
    assertThat(r.at("/registrations/byStatus/WAITLISTED").asInt()).isZero();
    JsonNode regions = r.get("byRegion");
    assertThat(count(regions, "code", "KZ-75")).isEqualTo("6");
    assertThat(count(regions, "code", "KZ-71")).isEqualTo("5");
    assertThat(count(regions, "code", "KZ-35")).isEqualTo("3");
    assertThat(count(regions, "code", "KZ-63")).isEqualTo("2");
    assertThat(count(regions, "code", "KZ-10")).isEqualTo("1");
    assertThat(count(regions, "code", "OTHER")).isEqualTo("1");
    assertThat(count(regions, "code", "unknown")).isEqualTo("1");
    assertThat(count(regions, "code", "KZ-79")).isEqualTo("absent");
    assertThat(regions.get(0).get("name").asString()).isNotBlank();
    assertThat(r.at("/outsideMainCentres/count").asInt()).isEqualTo(6);
    assertThat(r.at("/outsideMainCentres/share").asDouble()).isEqualTo(0.316);
    assertThat(r.at("/outsideMainCentres/mainCentres").toString())
        .isEqualTo("[\"KZ-75\",\"KZ-71\"]");
    assertThat(count(r.get("byGender"), "value", "female")).isEqualTo("11");
    assertThat(count(r.get("byGender"), "value", "male")).isEqualTo("7");
    assertThat(count(r.get("byGender"), "value", "undisclosed")).isEqualTo("1");
    assertThat(count(r.get("byProfession"), "value", "advocate")).isEqualTo("12");
    assertThat(count(r.get("byProfession"), "value", "ngo_lawyer")).isEqualTo("4");
    assertThat(count(r.get("byProfession"), "value", "student")).isEqualTo("3");
    assertThat(count(r.get("byYearsOfPractice"), "value", "3-5")).isEqualTo("5");
    assertThat(count(r.get("byYearsOfPractice"), "value", "6-10")).isEqualTo("5");
    assertThat(count(r.get("byYearsOfPractice"), "value", "none")).isEqualTo("2");
    assertThat(count(r.get("byLanguage"), "value", "ru")).isEqualTo("12");
    assertThat(count(r.get("byLanguage"), "value", "kk")).isEqualTo("5");
    assertThat(count(r.get("byLanguage"), "value", "en")).isEqualTo("2");
    assertThat(r.at("/attendance/attendedAtLeastOne").asInt()).isZero();
    assertThat(r.at("/attendance/completed").asInt()).isZero();
    assertThat(r.at("/certificates/issued").asInt()).isZero();
  }

  @Test
  void funderSeesTheSameWithSmallNumbersHiddenAndNothingAReaderCanWorkOut() {
    JsonNode r = report(funderToken);
    assertThat(r.get("view").asString()).isEqualTo("funder");
    // 1 cancelled is "<5"; 19 confirmed is hidden with it, else 20 - 19 = 1; the total of 20 too
    // when it would narrow the cancelled down to fewer than three values.
    assertThat(r.at("/registrations/total").asString()).isIn("20", "hidden");
    assertThat(r.at("/registrations/byStatus/CANCELLED").asString()).isEqualTo("<5");
    assertThat(r.at("/registrations/byStatus/CONFIRMED").asString()).isEqualTo("hidden");
    assertThat(r.at("/funnel/confirmed").asString()).isEqualTo("hidden");
    JsonNode regions = r.get("byRegion");
    assertThat(count(regions, "code", "KZ-35")).isEqualTo("\"<5\"");
    assertThat(count(regions, "code", "KZ-10")).isEqualTo("\"<5\"");
    assertThat(count(r.get("byGender"), "value", "undisclosed")).isEqualTo("\"<5\"");
    assertThat(count(r.get("byProfession"), "value", "ngo_lawyer")).isEqualTo("\"<5\"");
    assertThat(count(r.get("byProfession"), "value", "student")).isEqualTo("\"<5\"");
    // The adversary of ADR 0017, with the exact figures the organiser sees as the truth.
    var auditor = new FunderAuditor(r, FunderAuditor.truthOf(report(organiserToken)));
    assertThat(auditor.visibleSmall()).isEmpty();
    assertThat(auditor.unprotected()).isEmpty();
    assertNoSmallNumbersOrPersonalData(r.toString(), fixed);
  }

  @Test
  void organiserMayPreviewTheFunderViewButOthersGetNothing() {
    var preview =
        http.get(
            "/api/v1/programmes/" + programme + "/report?view=funder",
            "Authorization",
            "Bearer " + organiserToken);
    assertThat(preview.json().get("view").asString()).isEqualTo("funder");
    String speaker = fx.token(fx.member(organiser, programme, ProgrammeRole.SPEAKER));
    assertThat(
            http.get(
                    "/api/v1/programmes/" + programme + "/report",
                    "Authorization",
                    "Bearer " + speaker)
                .status())
        .isEqualTo(403);
    String stranger = fx.token(fx.organiser("stranger"));
    assertThat(
            http.get(
                    "/api/v1/programmes/" + programme + "/report",
                    "Authorization",
                    "Bearer " + stranger)
                .status())
        .isEqualTo(404);
    assertThat(http.get("/api/v1/programmes/" + programme + "/report").status()).isEqualTo(401);
  }

  @Test
  void funderExportsHoldNoSmallNumbersAndNoPersonalData() {
    var web = new Http(baseUrl());
    // Funder signs in to the web and downloads CSV.
    var session =
        org.lectern.reporting.ReportWeb.signIn(web, baseUrl(), fx.funderOf(organiser, programme));
    var csv = web.get("/funder/programmes/" + programme + "/report.csv?lang=ru", session);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body())
        .contains("<5")
        .doesNotContain("Делегат")
        .doesNotContain("@report.example");
    // The indicator table quotes its sources ("Kirkpatrick level 1"): only the figures count.
    assertNoSmallNumbersOrPersonalData(csv.body().split("table,indicators")[0], fixed);
  }

  @Test
  void organiserExportsAreAudited() {
    var web = new Http(baseUrl());
    var session = ReportWeb.signIn(web, baseUrl(), organiser);
    int before = exportsAudited();
    for (String f : List.of("csv", "xlsx", "pdf")) {
      var r = web.get("/admin/programmes/" + programme + "/report." + f + "?lang=kk", session);
      assertThat(r.status()).as(f).isEqualTo(200);
    }
    // Other tests export the same programme too, in whichever order they run.
    assertThat(exportsAudited() - before).isEqualTo(3);
  }

  int exportsAudited() {
    return jdbc.sql(
            "select count(*) from audit_entry where action = 'report.exported' and subject_id = :p")
        .param("p", programme.toString())
        .query(Integer.class)
        .single();
  }

  /** The map of a report PDF: its frame, the circles in it and the text written over them. */
  record PdfMap(PdfDrawing drawing, PdfDrawing.Fill frame) {

    static PdfMap of(byte[] pdf) {
      var d = PdfDrawing.of(pdf);
      var frames = d.fills(PdfCharts.SEA, false);
      assertThat(frames).as("one map frame").hasSize(1);
      assertThat(d.images).as("the PDF draws, it pastes no picture").isEmpty();
      return new PdfMap(d, frames.get(0));
    }

    /** Filled curved paths inside the frame other than the grey dots of the centres. */
    List<PdfDrawing.Fill> circles() {
      return drawing.fillsIn(frame).stream()
          .filter(f -> f.curved() && f.rgb() != PdfDrawing.rgb(PdfCharts.CENTRE))
          .toList();
    }

    List<PdfDrawing.Fill> centres() {
      return drawing.fillsIn(frame).stream()
          .filter(f -> f.curved() && f.rgb() == PdfDrawing.rgb(PdfCharts.CENTRE))
          .toList();
    }

    List<String> labels() {
      return drawing.textsIn(frame).stream().map(PdfDrawing.Text::text).sorted().toList();
    }
  }

  @Test
  void organiserPdfDrawsTheMapAsVectorCirclesSizedAsOnThePageAndLabelledWithText() {
    var web = new Http(baseUrl());
    ReportWeb.signIn(web, baseUrl(), organiser);
    byte[] pdf = web.bytes("/admin/programmes/" + programme + "/report.pdf?lang=en");
    var map = PdfMap.of(pdf);

    // KZ-75 6, KZ-71 5, KZ-35 3, KZ-63 2, KZ-10 1; "OTHER" and "unknown" have no place on the map.
    var circles = map.circles();
    assertThat(circles).hasSize(5);
    assertThat(circles).allMatch(c -> c.rgb() == PdfDrawing.rgb(PdfCharts.REACH));
    // Area proportional to the count: the radius goes with its square root (RegionMap).
    double largest = circles.stream().mapToDouble(c -> c.bounds().getWidth()).max().orElseThrow();
    var ratios =
        circles.stream()
            .map(c -> c.bounds().getWidth() / largest)
            .sorted(java.util.Comparator.reverseOrder())
            .toList();
    double[] counts = {6, 5, 3, 2, 1};
    for (int i = 0; i < counts.length; i++) {
      assertThat(ratios.get(i)).isCloseTo(Math.sqrt(counts[i] / 6), within(0.01));
    }
    assertThat(circles)
        .allMatch(c -> Math.abs(c.bounds().getWidth() - c.bounds().getHeight()) < 0.01);
    assertThat(map.centres()).hasSize(regions.all().size());
    // The counts are text, in the font the rest of the report uses.
    assertThat(map.labels()).containsExactly("1", "2", "3", "5", "6");
    assertThat(map.drawing().textsIn(map.frame()))
        .allMatch(t -> t.font().contains("DejaVuSans"), "set in DejaVu Sans");
    String text = pdfText(pdf);
    assertThat(text)
        .contains(messages.getMessage("reporting.map.legend.reach", null, Locale.ENGLISH))
        .contains(messages.getMessage("reporting.map.legend.centre", null, Locale.ENGLISH))
        .doesNotContain(messages.getMessage("reporting.map.legend.hidden", null, Locale.ENGLISH));
    // The bars are drawn too: each filled share lies inside its track.
    var tracks = map.drawing().fills(PdfCharts.TRACK, false);
    var bars = map.drawing().fills(PdfCharts.ACCENT, false);
    assertThat(bars).isNotEmpty();
    assertThat(bars)
        .allMatch(
            b ->
                tracks.stream()
                    .anyMatch(t -> t.page() == b.page() && t.bounds().contains(b.bounds())));
  }

  @Test
  void funderPdfMapNeitherLabelsNorSizesASmallCount() {
    var web = new Http(baseUrl());
    ReportWeb.signIn(web, baseUrl(), fx.funderOf(organiser, programme));
    Locale ru = Locale.forLanguageTag("ru");
    byte[] pdf = web.bytes("/funder/programmes/" + programme + "/report.pdf?lang=ru");
    var map = PdfMap.of(pdf);

    // All five regions on the map are "<5" or hidden (see the funder test above): five circles
    // of one size, dashed on white, so that neither a label nor an area gives a count away.
    var circles = map.circles();
    assertThat(circles).hasSize(5);
    assertThat(circles).allMatch(c -> c.rgb() == PdfDrawing.rgb(PdfCharts.HIDDEN));
    double size = circles.get(0).bounds().getWidth();
    assertThat(circles).allMatch(c -> Math.abs(c.bounds().getWidth() - size) < 0.01);
    String hidden = messages.getMessage("reporting.hidden", null, ru);
    // KZ-35, KZ-63, KZ-10 are "<5"; KZ-75 and KZ-71 are hidden so that they cannot be worked out.
    assertThat(map.labels()).containsExactlyInAnyOrder("<5", "<5", "<5", hidden, hidden);
    assertNoSmallNumbersOrPersonalData(String.join(" ", map.labels()), fixed);
    assertThat(map.drawing().textsIn(map.frame()))
        .allMatch(t -> t.font().contains("DejaVuSans"), "set in DejaVu Sans");
    // The legend explains the dashed circles, in Russian, as real text.
    String text = pdfText(pdf);
    assertThat(text)
        .contains(messages.getMessage("reporting.map.legend.hidden", null, ru))
        .contains(messages.getMessage("reporting.map.legend.centre", null, ru))
        .doesNotContain("Делегат")
        .doesNotContain("@report.example");
  }

  /** The map of the report page: its SVG, read as XML, and the figure around it. */
  record PageMap(org.w3c.dom.Element svg, String figure) {

    static PageMap of(String html) {
      int start = html.indexOf("<figure class=\"map\">");
      assertThat(start).as("a map on the page").isNotNegative();
      String figure = html.substring(start, html.indexOf("</figure>", start));
      String svg = figure.substring(figure.indexOf("<svg"), figure.indexOf("</svg>") + 6);
      try {
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc =
            f.newDocumentBuilder()
                .parse(
                    new java.io.ByteArrayInputStream(
                        svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new PageMap(doc.getDocumentElement(), figure);
      } catch (Exception e) {
        throw new AssertionError("the map's SVG is not well-formed: " + svg, e);
      }
    }

    List<org.w3c.dom.Element> all(String tag) {
      var nodes = svg.getElementsByTagName(tag);
      List<org.w3c.dom.Element> out = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        out.add((org.w3c.dom.Element) nodes.item(i));
      }
      return out;
    }

    List<org.w3c.dom.Element> circles(String cls) {
      return all("circle").stream().filter(c -> c.getAttribute("class").equals(cls)).toList();
    }

    /** The counts written for a wide map, or for a narrow one (in bigger type). */
    List<String> texts(String set) {
      return all("text").stream()
          .filter(
              t ->
                  ((org.w3c.dom.Element) t.getParentNode())
                      .getAttribute("class")
                      .equals("counts " + set))
          .map(org.w3c.dom.Element::getTextContent)
          .sorted()
          .toList();
    }

    List<String> texts() {
      return all("text").stream().map(org.w3c.dom.Element::getTextContent).sorted().toList();
    }

    /** The titles of the circles (the map's own title aside). */
    List<String> titles() {
      return all("title").stream()
          .filter(t -> t.getParentNode().getNodeName().equals("circle"))
          .map(org.w3c.dom.Element::getTextContent)
          .toList();
    }

    java.awt.geom.Path2D outline() {
      List<org.w3c.dom.Element> paths =
          all("path").stream().filter(p -> p.getAttribute("class").equals("land")).toList();
      assertThat(paths).as("one outline").hasSize(1);
      String d = paths.get(0).getAttribute("d");
      assertThat(d).startsWith("M").endsWith("Z");
      var path = new java.awt.geom.Path2D.Double();
      Matcher m = Pattern.compile("([ML])([0-9.]+) ([0-9.]+)").matcher(d);
      int points = 0;
      while (m.find()) {
        double x = Double.parseDouble(m.group(2));
        double y = Double.parseDouble(m.group(3));
        if (m.group(1).equals("M")) {
          path.moveTo(x, y);
        } else {
          path.lineTo(x, y);
        }
        points++;
      }
      assertThat(points).as("points of the outline").isGreaterThan(100);
      path.closePath();
      return path;
    }

    static double num(org.w3c.dom.Element e, String attribute) {
      return Double.parseDouble(e.getAttribute(attribute));
    }
  }

  @Test
  void organiserPageMapDrawsTheOutlineAndALabelledCirclePerRegionOnIt() {
    var web = new Http(baseUrl());
    ReportWeb.signIn(web, baseUrl(), organiser);
    var page = web.get("/admin/programmes/" + programme + "/report?lang=en");
    assertThat(page.status()).isEqualTo(200);
    var map = PageMap.of(page.body());

    assertThat(map.svg().getAttribute("viewBox"))
        .isEqualTo("0 0 " + RegionMap.WIDTH + " " + RegionMap.HEIGHT);
    assertThat(map.svg().getAttribute("role")).isEqualTo("img");
    assertThat(map.svg().hasAttribute("width")).as("sized by CSS, width 100%").isFalse();
    var outline = map.outline();
    // The outline is Natural Earth's, in the circles' projection: the page draws what RegionMap
    // projects, and every regional centre lies on the land (Aktau, on the coast, within a few
    // units of the simplified shore).
    assertThat(map.all("path").get(0).getAttribute("d")).isEqualTo(RegionMap.outlinePath());
    var centres = map.circles("centre");
    assertThat(centres).hasSize(regions.all().size());
    assertThat(centres)
        .allMatch(
            c -> outline.intersects(PageMap.num(c, "cx") - 4, PageMap.num(c, "cy") - 4, 8, 8));
    assertThat(
            centres.stream()
                .filter(c -> outline.contains(PageMap.num(c, "cx"), PageMap.num(c, "cy")))
                .count())
        .isGreaterThanOrEqualTo(regions.all().size() - 1);

    // KZ-75 6, KZ-71 5, KZ-35 3, KZ-63 2, KZ-10 1; "OTHER" and "unknown" have no place on the map.
    var circles = map.circles("reach");
    assertThat(circles).hasSize(5);
    assertThat(map.circles("reach hidden")).isEmpty();
    for (String code : List.of("KZ-75", "KZ-71", "KZ-35", "KZ-63", "KZ-10")) {
      var r = regions.find(code).orElseThrow();
      assertThat(circles)
          .as(code)
          .anyMatch(
              c ->
                  PageMap.num(c, "cx") == RegionMap.x(r.lon())
                      && PageMap.num(c, "cy") == RegionMap.y(r.lat()));
    }
    double largest = circles.stream().mapToDouble(c -> PageMap.num(c, "r")).max().orElseThrow();
    assertThat(largest).isEqualTo(RegionMap.MAX_RADIUS);
    assertThat(map.titles())
        .containsExactlyInAnyOrder(
            regions.find("KZ-75").orElseThrow().name("en") + ": 6",
            regions.find("KZ-71").orElseThrow().name("en") + ": 5",
            regions.find("KZ-35").orElseThrow().name("en") + ": 3",
            regions.find("KZ-63").orElseThrow().name("en") + ": 2",
            regions.find("KZ-10").orElseThrow().name("en") + ": 1");
    // Each count is written as text on the map, for a wide map and a narrow one, in the frame.
    assertThat(map.texts("wide")).containsExactly("1", "2", "3", "5", "6");
    assertThat(map.texts("narrow")).containsExactly("1", "2", "3", "5", "6");
    assertThat(map.all("text"))
        .allMatch(
            t ->
                PageMap.num(t, "x") > 0
                    && PageMap.num(t, "x") < RegionMap.WIDTH
                    && PageMap.num(t, "y") > 0
                    && PageMap.num(t, "y") <= RegionMap.HEIGHT);
    // Exact figures: no dashed circles, so neither their legend entry nor their note.
    assertThat(map.figure())
        .contains(messages.getMessage("reporting.map.legend.reach", null, Locale.ENGLISH))
        .contains(messages.getMessage("reporting.map.legend.centre", null, Locale.ENGLISH))
        .doesNotContain(messages.getMessage("reporting.map.hiddenNote", null, Locale.ENGLISH))
        .doesNotContain("class=\"reach hidden\"");
    // Nothing from another origin, no script.
    assertThat(map.figure())
        .doesNotContain("<script")
        .doesNotContain("http")
        .doesNotContain("<image");
  }

  @Test
  void funderPageMapNeitherWritesNorSizesASmallCount() {
    var web = new Http(baseUrl());
    ReportWeb.signIn(web, baseUrl(), fx.funderOf(organiser, programme));
    Locale ru = Locale.forLanguageTag("ru");
    var page = web.get("/funder/programmes/" + programme + "?lang=ru");
    assertThat(page.status()).isEqualTo(200);
    var map = PageMap.of(page.body());

    map.outline();
    // All five regions on the map are "<5" or hidden: one size, dashed, labelled as in the table.
    var circles = map.circles("reach hidden");
    assertThat(circles).hasSize(5);
    assertThat(map.circles("reach")).isEmpty();
    assertThat(circles.stream().map(c -> c.getAttribute("r")).distinct()).hasSize(1);
    String hidden = messages.getMessage("reporting.hidden", null, ru);
    assertThat(map.texts()).isSubsetOf("<5", hidden);
    assertThat(map.texts("wide")).hasSize(5);
    assertThat(map.titles())
        .hasSize(5)
        .contains(regions.find("KZ-71").orElseThrow().name("ru") + ": " + hidden)
        .contains(regions.find("KZ-10").orElseThrow().name("ru") + ": <5");
    assertNoSmallNumbersOrPersonalData(
        String.join(" ", map.texts()) + " " + String.join(" ", map.titles()), fixed);
    // The legend and the caption say what a dashed circle stands for, hidden cells included.
    assertThat(map.figure())
        .contains(escaped(messages.getMessage("reporting.map.legend.hidden", null, ru)))
        .contains(escaped(messages.getMessage("reporting.map.hiddenNote", null, ru)));
  }

  /** Text as the templates escape it. */
  static String escaped(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String pdfText(byte[] pdf) {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      // Lines wrap where the page is full: compare words, not line breaks.
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void randomProgrammesNeverLeakToTheFunder() {
    Random random = new Random(7);
    String[] regions = {
      "KZ-75", "KZ-71", "KZ-35", "KZ-63", "KZ-10", "KZ-79", "KZ-55", "OTHER", null
    };
    String[] genders = {"female", "male", "other", "undisclosed"};
    String[] professions = {"advocate", "legal_consultant", "ngo_lawyer", "student", "judge"};
    String[] years = {"none", "1-2", "3-5", "6-10", "11-20", "21+"};
    String[] langs = {"ru", "kk", "en"};
    for (int round = 0; round < 4; round++) {
      UUID p = fx.programme(organiser, "random");
      List<Delegate> people = new ArrayList<>();
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        var d =
            new Delegate(
                "Случайный" + round + "x" + i + " Человек",
                "rnd" + round + "x" + i + "@leak.example",
                regions[random.nextInt(regions.length)],
                genders[random.nextInt(genders.length)],
                professions[random.nextInt(professions.length)],
                years[random.nextInt(years.length)],
                langs[random.nextInt(langs.length)]);
        people.add(d);
        fx.register(organiser, p, d);
      }
      String funder = fx.token(fx.funderOf(organiser, p));
      fx.publish(organiser, p, null);
      var r = http.get("/api/v1/programmes/" + p + "/report", "Authorization", "Bearer " + funder);
      assertThat(r.status()).isEqualTo(200);
      assertNoSmallNumbersOrPersonalData(r.body(), people);
      var exact =
          http.get(
              "/api/v1/programmes/" + p + "/report", "Authorization", "Bearer " + organiserToken);
      var auditor = new FunderAuditor(r.json(), FunderAuditor.truthOf(exact.json()));
      assertThat(auditor.unprotected()).as("round %s", round).isEmpty();
    }
  }

  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"-])(\\d+)(?![\\w.])");

  /** No bare count from 1 to 4 anywhere (shares and dates aside), and no name or e-mail. */
  @Test
  void comparedProgrammesShareOneScaleOnTheirMaps() {
    LecternUser owner = fx.organiser("compare");
    UUID small = fx.programme(owner, "compare-small");
    UUID large = fx.programme(owner, "compare-large");
    String[][] people = {
      {"small", "KZ-75"},
      {"small", "KZ-75"},
      {"large", "KZ-71"},
      {"large", "KZ-71"},
      {"large", "KZ-75"},
      {"large", "KZ-75"},
      {"large", "KZ-75"},
      {"large", "KZ-75"},
      {"large", "KZ-75"},
      {"large", "KZ-75"}
    };
    for (int i = 0; i < people.length; i++) {
      fx.register(
          owner,
          people[i][0].equals("small") ? small : large,
          new Delegate(
              "Сравнение " + i,
              "compare" + i + "@report.example",
              people[i][1],
              "female",
              "advocate",
              "3-5",
              "ru"));
    }
    var web = new Http(baseUrl());
    ReportWeb.signIn(web, baseUrl(), owner);
    var page =
        web.get("/admin/organisations/" + fixtures.organisationOf(owner) + "/comparison?lang=en");
    assertThat(page.status()).isEqualTo(200);
    // Two delegates in Almaty (the small programme's largest group) and two in Astana (the large
    // programme's smallest) are circles of the same size, not the small map's biggest circle.
    var radii =
        java.util.regex.Pattern.compile(
                "<circle cx=\"[^\"]+\" cy=\"[^\"]+\" r=\"([^\"]+)\" class=\"reach\">"
                    + "<title>([^<]+)</title>")
            .matcher(page.body())
            .results()
            .map(m -> m.group(2) + "=" + m.group(1))
            .toList();
    assertThat(radii).hasSize(3);
    String almatyTwo =
        radii.stream()
            .filter(x -> x.startsWith("Almaty") && x.contains(": 2="))
            .findFirst()
            .orElseThrow(() -> new AssertionError(radii.toString()));
    String astanaTwo =
        radii.stream()
            .filter(x -> x.startsWith("Astana") && x.contains(": 2="))
            .findFirst()
            .orElseThrow(() -> new AssertionError(radii.toString()));
    assertThat(almatyTwo.substring(almatyTwo.indexOf('=')))
        .isEqualTo(astanaTwo.substring(astanaTwo.indexOf('=')));
    // With no region table on this page, each map's text alternative lists its figures.
    assertThat(page.body())
        .contains("Circles sized by the number of delegates: ")
        .doesNotContain("The same figures are in the table");
  }

  static void assertNoSmallNumbersOrPersonalData(String text, List<Delegate> people) {
    for (Delegate d : people) {
      assertThat(text).doesNotContain(d.email()).doesNotContain(d.name());
    }
    String counts =
        text.replaceAll("\"share\":[0-9.]+", "")
            .replaceAll("\\d{4}-\\d{2}-\\d{2}T[^\",]*", "")
            .replaceAll("KZ-\\d+", "")
            .replaceAll("\\d+[-–]\\d+|21\\+", "")
            .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "");
    Matcher m = NUMBER.matcher(counts);
    while (m.find()) {
      int v = Integer.parseInt(m.group(1));
      assertThat(v >= 1 && v <= 4).as("small count %s in %s", v, counts).isFalse();
    }
  }
}
