package org.lectern.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.support.Http.map;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.UserService;
import org.lectern.support.Fixtures;
import org.lectern.support.Http;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input and strangers: taken slugs, active or oversized logos, the last admin, members of
 * another organisation and plain members. Every refused request leaves things as they were.
 */
class OrganisationRulesIT extends IntegrationTest {

  @Autowired UserService users;

  Http http;
  String root;
  UUID rootId;

  @BeforeAll
  void people() {
    http = new Http(baseUrl());
    rootId = user("root", true);
    root = token("root");
  }

  String suffix = UUID.randomUUID().toString().substring(0, 6);

  UUID user(String label, boolean platformAdmin) {
    return users.create(email(label), "Person " + label, Fixtures.PASSWORD, platformAdmin);
  }

  String email(String label) {
    return label + "-" + suffix + "@example.org";
  }

  String token(String label) {
    var r =
        http.postJson(
            "/api/v1/auth/tokens", map("email", email(label), "password", Fixtures.PASSWORD));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("token").asString();
  }

  static String[] auth(String t) {
    return new String[] {"Authorization", "Bearer " + t, "Accept-Language", "en"};
  }

  String organisation(String slug) {
    var r =
        http.postJson(
            "/api/v1/organisations", map("name", "Org " + slug, "slug", slug), auth(root));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  int organisations() {
    return jdbc.sql("select count(*) from organisation").query(Integer.class).single();
  }

  @Test
  void aTakenSlugIsRefusedAndNothingIsCreated() {
    organisation("dup-" + suffix);
    int before = organisations();
    var again =
        http.postJson(
            "/api/v1/organisations", map("name", "Other", "slug", "dup-" + suffix), auth(root));
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("slug");
    assertThat(again.json().get("errors").get(0).get("code").asString())
        .isEqualTo("organisation.slugTaken");
    var bad =
        http.postJson(
            "/api/v1/organisations",
            map(
                "name",
                "",
                "website",
                "javascript:alert(1)",
                "mainCentres",
                java.util.List.of("XX")),
            auth(root));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("\"name\"").contains("\"website\"").contains("\"mainCentres\"");
    assertThat(organisations()).isEqualTo(before);
  }

  @Test
  void twoRequestsForOneSlugAtOnceMakeOneOrganisation() throws Exception {
    String slug = "race-" + suffix;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.Callable<Integer> create =
          () -> {
            start.await();
            return http.postJson(
                    "/api/v1/organisations", map("name", "Race", "slug", slug), auth(root))
                .status();
          };
      var a = pool.submit(create);
      var b = pool.submit(create);
      start.countDown();
      assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(201, 422);
    } finally {
      pool.shutdown();
    }
    assertThat(
            jdbc.sql("select count(*) from organisation where slug = :s")
                .param("s", slug)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aRepeatedCreateWithTheSameIdempotencyKeyCreatesOnce() {
    String key = "org-" + suffix;
    Object body = map("name", "Once", "slug", "once-" + suffix);
    var first =
        http.postJson("/api/v1/organisations", body, concat(auth(root), "Idempotency-Key", key));
    var again =
        http.postJson("/api/v1/organisations", body, concat(auth(root), "Idempotency-Key", key));
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
  }

  static String[] concat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void onlyPlatformAdministratorsCreateOrganisations() {
    user("plain", false);
    int before = organisations();
    var r = http.postJson("/api/v1/organisations", map("name", "Mine"), auth(token("plain")));
    assertThat(r.status()).isEqualTo(403);
    assertThat(organisations()).isEqualTo(before);
  }

  @Test
  void logosMustBeHarmlessImagesAndARefusedOneChangesNothing() {
    String slug = "logo-" + suffix;
    String id = organisation(slug);
    byte[] png = png(64, 32);
    var ok = upload(id, "logo.png", png);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("logoUrl").asString()).endsWith("/organisations/" + slug + "/logo");

    assertRefused(id, "logo.svg", svg("<script>alert(1)</script>"), "organisation.logo.svgElement");
    assertRefused(
        id,
        "logo.svg",
        svg("<rect width=\"10\" height=\"10\" onload=\"alert(1)\"/>"),
        "organisation.logo.svgHandler");
    assertRefused(
        id,
        "logo.svg",
        svg("<image href=\"https://evil.example/x.png\" width=\"10\" height=\"10\"/>"),
        "organisation.logo.svgElement");
    assertRefused(
        id,
        "logo.svg",
        svg("<use xlink:href=\"https://evil.example/s.svg#a\"/>"),
        "organisation.logo.svgLink");
    assertRefused(
        id,
        "logo.svg",
        svg("<rect style=\"fill:url(https://evil.example/p)\" width=\"1\" height=\"1\"/>"),
        "organisation.logo.svgLink");
    assertRefused(
        id,
        "logo.svg",
        svg("<foreignObject><p>x</p></foreignObject>"),
        "organisation.logo.svgElement");
    byte[] huge = Arrays.copyOf(png, 20 * 1024 * 1024);
    assertRefused(id, "huge.png", huge, "organisation.logo.tooLarge");
    byte[] pdf =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    assertRefused(id, "renamed.png", pdf, "organisation.logo.format");
    assertRefused(id, "wide.png", png(5000, 10), "organisation.logo.dimensions");

    var served = http.get("/organisations/" + slug + "/logo");
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.header("Content-Type")).isEqualTo("image/png");
    assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(http.bytes("/organisations/" + slug + "/logo")).isEqualTo(png);

    byte[] clean = svg("<title>Logo</title><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"url(#g)\"/>");
    assertThat(upload(id, "logo.svg", clean).status()).isEqualTo(200);
    var svgServed = http.get("/organisations/" + slug + "/logo");
    assertThat(svgServed.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(svgServed.header("Content-Security-Policy"))
        .contains("default-src 'none'")
        .contains("sandbox");
  }

  void assertRefused(String id, String name, byte[] file, String code) {
    byte[] before = logo(id);
    var r = upload(id, name, file);
    assertThat(r.status()).as(name + " " + code).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("logo");
    assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo(code);
    assertThat(logo(id)).isEqualTo(before);
  }

  byte[] logo(String id) {
    return jdbc.sql("select logo from organisation where id = :id")
        .param("id", UUID.fromString(id))
        .query(byte[].class)
        .single();
  }

  Http.Response upload(String id, String name, byte[] file) {
    return http.postFile(
        "/api/v1/organisations/" + id + "/logo", "file", name, file, Map.of(), auth(root));
  }

  static byte[] svg(String body) {
    return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\""
            + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">"
            + "<defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient></defs>"
            + body
            + "</svg>")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] png(int width, int height) {
    try {
      var image =
          new java.awt.image.BufferedImage(
              width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
      var out = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theOldNameOfMemberIsReadButNeverStored() {
    String ours = organisation("oldname-" + suffix);
    UUID person = user("oldname", false);
    var added =
        http.postJson(
            "/api/v1/organisations/" + ours + "/members",
            map("userId", person.toString(), "role", "ORGANISER"),
            auth(root));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("role").asString()).isEqualTo("MEMBER");
    assertThat(
            jdbc.sql("select count(*) from organisation_member where role = 'ORGANISER'")
                .query(Integer.class)
                .single())
        .isZero();
    // The database itself refuses it (the contraction of V202612041000's expand).
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                jdbc.sql(
                        "update organisation_member set role = 'ORGANISER'"
                            + " where organisation_id = :o and user_id = :u")
                    .param("o", UUID.fromString(ours))
                    .param("u", rootId)
                    .update())
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }

  @Test
  void strangersSeeNothingMembersChangeNothingAndTheLastAdminStays() {
    String ours = organisation("ours-" + suffix);
    String theirs = organisation("theirs-" + suffix);
    UUID member = user("member", false);
    UUID outsider = user("outsider", false);
    assertThat(
            http.postJson(
                    "/api/v1/organisations/" + ours + "/members",
                    map("userId", member.toString(), "role", "MEMBER"),
                    auth(root))
                .status())
        .isEqualTo(201);
    assertThat(
            http.postJson(
                    "/api/v1/organisations/" + theirs + "/members",
                    map("userId", outsider.toString(), "role", "ADMIN"),
                    auth(root))
                .status())
        .isEqualTo(201);
    String memberToken = token("member");
    String outsiderToken = token("outsider");
    String name = nameOf(ours);

    assertThat(http.get("/api/v1/organisations/" + ours, auth(outsiderToken)).status())
        .isEqualTo(404);
    assertThat(
            http.patchJson(
                    "/api/v1/organisations/" + ours, map("name", "Taken over"), auth(outsiderToken))
                .status())
        .isEqualTo(404);
    assertThat(http.get("/api/v1/organisations/" + ours + "/members", auth(outsiderToken)).status())
        .isEqualTo(404);
    var list = http.get("/api/v1/organisations", auth(outsiderToken));
    assertThat(list.json().size()).isEqualTo(1);
    assertThat(list.json().get(0).get("id").asString()).isEqualTo(theirs);

    assertThat(http.get("/api/v1/organisations/" + ours, auth(memberToken)).status())
        .isEqualTo(200);
    assertThat(
            http.patchJson(
                    "/api/v1/organisations/" + ours, map("name", "Renamed"), auth(memberToken))
                .status())
        .isEqualTo(403);
    assertThat(http.get("/api/v1/organisations/" + ours + "/members", auth(memberToken)).status())
        .isEqualTo(403);
    assertThat(nameOf(ours)).isEqualTo(name);

    var removeLast =
        http.delete("/api/v1/organisations/" + ours + "/members/" + rootId, auth(root));
    assertThat(removeLast.status()).isEqualTo(409);
    assertThat(removeLast.json().get("code").asString()).isEqualTo("organisation.member.lastAdmin");
    var demoteLast =
        http.patchJson(
            "/api/v1/organisations/" + ours + "/members/" + rootId,
            map("role", "MEMBER"),
            auth(root));
    assertThat(demoteLast.status()).isEqualTo(409);
    assertThat(roleOf(ours, rootId)).isEqualTo("ADMIN");

    var members = http.get("/api/v1/organisations/" + ours + "/members", auth(root));
    assertThat(members.status()).isEqualTo(200);
    assertThat(members.header("X-Total-Count")).isEqualTo("2");
    var memberRow = members.json().findValues("userId").stream().map(n -> n.asString()).toList();
    assertThat(memberRow).contains(member.toString(), rootId.toString());
    assertThat(members.body()).contains("lastSignInAt");

    // The member becomes ADMIN; then the first admin may step down, and the member stays.
    assertThat(
            http.patchJson(
                    "/api/v1/organisations/" + ours + "/members/" + member,
                    map("role", "ADMIN"),
                    auth(root))
                .status())
        .isEqualTo(200);
    assertThat(
            http.patchJson(
                    "/api/v1/organisations/" + ours, map("name", "Renamed"), auth(memberToken))
                .status())
        .isEqualTo(200);
    assertThat(
            http.delete("/api/v1/organisations/" + ours + "/members/" + rootId, auth(memberToken))
                .status())
        .isEqualTo(204);
    assertThat(
            http.delete("/api/v1/organisations/" + ours + "/members/" + member, auth(memberToken))
                .status())
        .isEqualTo(409);
    assertThat(roleOf(ours, member)).isEqualTo("ADMIN");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'organisation.member.removed'"
                        + " and organisation_id = :o")
                .param("o", UUID.fromString(ours))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void inviteByEmailMakesAnAccountThatIsAskedToChooseAPassword() {
    String org = organisation("invite-" + suffix);
    var r =
        http.postJson(
            "/api/v1/organisations/" + org + "/members",
            map(
                "email",
                email("newcomer"),
                "fullName",
                "New Comer",
                "role",
                "MEMBER",
                "language",
                "kk"),
            auth(root));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("role").asString()).isEqualTo("MEMBER");
    var user = users.findByEmail(email("newcomer")).orElseThrow();
    assertThat(user.passwordHash()).isNull();
    assertThat(
            FirstRunApiIT.eventually(
                () ->
                    jdbc.sql("select count(*) from user_invitation where user_id = :u")
                            .param("u", user.id())
                            .query(Integer.class)
                            .single()
                        == 1))
        .isTrue();
    var badRole =
        http.postJson(
            "/api/v1/organisations/" + org + "/members",
            map("email", email("other"), "fullName", "Other", "role", "OWNER"),
            auth(root));
    assertThat(badRole.status()).isEqualTo(422);
    assertThat(users.findByEmail(email("other"))).isEmpty();
  }

  String nameOf(String org) {
    return jdbc.sql("select name::text from organisation where id = :id")
        .param("id", UUID.fromString(org))
        .query(String.class)
        .single();
  }

  String roleOf(String org, UUID user) {
    return jdbc.sql(
            "select role from organisation_member where organisation_id = :o and user_id = :u")
        .param("o", UUID.fromString(org))
        .param("u", user)
        .query(String.class)
        .single();
  }
}
