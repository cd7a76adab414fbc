package org.lectern.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The 53 ICCPR articles, loaded once from the reference table. */
@Service
public class IccprArticles {

  private final JdbcClient jdbc;
  private volatile Map<Integer, IccprArticle> byNumber;

  IccprArticles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<IccprArticle> all() {
    return load().values().stream()
        .sorted(java.util.Comparator.comparingInt(IccprArticle::number))
        .toList();
  }

  public Optional<IccprArticle> find(int number) {
    return Optional.ofNullable(load().get(number));
  }

  public List<IccprArticle> of(List<Integer> numbers) {
    return numbers.stream().map(load()::get).filter(java.util.Objects::nonNull).toList();
  }

  private Map<Integer, IccprArticle> load() {
    Map<Integer, IccprArticle> m = byNumber;
    if (m == null) {
      m =
          jdbc
              .sql("select number, part, part_theme, subject_en, non_derogable from iccpr_article")
              .query(IccprArticle.class)
              .list()
              .stream()
              .collect(Collectors.toMap(IccprArticle::number, Function.identity()));
      byNumber = m;
    }
    return m;
  }
}
