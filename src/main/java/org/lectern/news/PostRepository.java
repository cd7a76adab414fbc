package org.lectern.news;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Posts, their language versions and their pictures. */
@Repository
class PostRepository {

  private static final String SELECT =
      "select id, organisation_id, programme_id, slug, author_speaker_id, status, published_at,"
          + " updated_at from post";

  private final JdbcClient jdbc;

  PostRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Post> find(UUID id) {
    return one(jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::head).list());
  }

  Optional<Post> findBySlug(String slug) {
    return one(jdbc.sql(SELECT + " where slug = :s").param("s", slug).query(this::head).list());
  }

  boolean slugTaken(String slug, UUID except) {
    return jdbc.sql("select exists(select 1 from post where slug = :s and id <> :id)")
        .param("s", slug)
        .param("id", except == null ? new UUID(0, 0) : except)
        .query(Boolean.class)
        .single();
  }

  List<Post> ofOrganisation(UUID organisation) {
    return withTexts(
        jdbc.sql(
                SELECT
                    + " where organisation_id = :o order by coalesce(published_at, updated_at) desc")
            .param("o", organisation)
            .query(this::head)
            .list());
  }

  /** Published posts, newest first; of one organisation or programme when given. */
  List<Post> published(UUID organisation, UUID programme, int limit) {
    return withTexts(
        jdbc.sql(
                SELECT
                    + " where status = 'PUBLISHED'"
                    + " and (cast(:o as uuid) is null or organisation_id = :o)"
                    + " and (cast(:p as uuid) is null or programme_id = :p)"
                    + " order by published_at desc, id limit :limit")
            .param("o", organisation)
            .param("p", programme)
            .param("limit", limit)
            .query(this::head)
            .list());
  }

  void insert(Post p) {
    jdbc.sql(
            """
            insert into post (id, organisation_id, programme_id, slug, author_speaker_id, status,
                              published_at, created_at, updated_at)
            values (:id, :o, :p, :slug, :a, :status, :pub, :now, :now)
            """)
        .param("id", p.id())
        .param("o", p.organisationId())
        .param("p", p.programmeId())
        .param("slug", p.slug())
        .param("a", p.authorSpeakerId())
        .param("status", p.status().name())
        .param("pub", ts(p.publishedAt()))
        .param("now", ts(p.updatedAt()))
        .update();
    writeTexts(p);
  }

  void update(Post p) {
    jdbc.sql(
            """
            update post set programme_id = :p, slug = :slug, author_speaker_id = :a,
                            status = :status, published_at = :pub, updated_at = :now
            where id = :id
            """)
        .param("id", p.id())
        .param("p", p.programmeId())
        .param("slug", p.slug())
        .param("a", p.authorSpeakerId())
        .param("status", p.status().name())
        .param("pub", ts(p.publishedAt()))
        .param("now", ts(p.updatedAt()))
        .update();
    jdbc.sql("delete from post_text where post_id = :id").param("id", p.id()).update();
    writeTexts(p);
  }

  void delete(UUID id) {
    jdbc.sql("delete from post where id = :id").param("id", id).update();
  }

  void addImage(UUID id, UUID post, String type, byte[] bytes, Instant now) {
    jdbc.sql(
            "insert into post_image (id, post_id, content_type, bytes, created_at)"
                + " values (:id, :p, :t, :b, :now)")
        .param("id", id)
        .param("p", post)
        .param("t", type)
        .param("b", bytes)
        .param("now", ts(now))
        .update();
  }

  List<UUID> images(UUID post) {
    return jdbc.sql("select id from post_image where post_id = :p order by created_at, id")
        .param("p", post)
        .query(UUID.class)
        .list();
  }

  /** A picture with the post it belongs to. */
  record Image(UUID postId, String contentType, byte[] bytes) {}

  Optional<Image> image(UUID id) {
    return jdbc.sql("select post_id, content_type, bytes from post_image where id = :id")
        .param("id", id)
        .query(Image.class)
        .optional();
  }

  private void writeTexts(Post p) {
    p.texts()
        .forEach(
            (lang, t) ->
                jdbc.sql(
                        "insert into post_text (post_id, language, title, body)"
                            + " values (:id, :l, :t, :b)")
                    .param("id", p.id())
                    .param("l", lang)
                    .param("t", t.title())
                    .param("b", t.body())
                    .update());
  }

  private Optional<Post> one(List<Post> heads) {
    return withTexts(heads).stream().findFirst();
  }

  private List<Post> withTexts(List<Post> heads) {
    if (heads.isEmpty()) {
      return heads;
    }
    Map<UUID, Map<String, Post.Text>> texts = new HashMap<>();
    Collection<UUID> ids = heads.stream().map(Post::id).toList();
    jdbc.sql("select post_id, language, title, body from post_text where post_id in (:ids)")
        .param("ids", ids)
        .query(
            rs -> {
              texts
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                  .put(rs.getString(2), new Post.Text(rs.getString(3), rs.getString(4)));
            });
    List<Post> out = new ArrayList<>();
    for (Post h : heads) {
      out.add(
          new Post(
              h.id(),
              h.organisationId(),
              h.programmeId(),
              h.slug(),
              h.authorSpeakerId(),
              h.status(),
              h.publishedAt(),
              h.updatedAt(),
              texts.getOrDefault(h.id(), Map.of())));
    }
    return out;
  }

  private Post head(ResultSet rs, int n) throws SQLException {
    Timestamp pub = rs.getTimestamp("published_at");
    return new Post(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("programme_id", UUID.class),
        rs.getString("slug"),
        rs.getObject("author_speaker_id", UUID.class),
        Post.Status.valueOf(rs.getString("status")),
        pub == null ? null : pub.toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        Map.of());
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
