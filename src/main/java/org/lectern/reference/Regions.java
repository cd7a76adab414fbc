package org.lectern.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * Kazakhstan's 20 first-level units since June 2022, from reference/kz_admin_units_2022.csv (ISO
 * 3166-2:KZ; centre coordinates © countries-states-cities-database contributors, ODbL).
 */
@Service
public class Regions {

  public static final String OTHER = "OTHER";

  private final List<Region> all;

  public Regions() {
    this.all = load();
  }

  public List<Region> all() {
    return all;
  }

  public Optional<Region> find(String code) {
    return all.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  public boolean isValid(String code) {
    return OTHER.equals(code) || find(code).isPresent();
  }

  private static List<Region> load() {
    var in = Regions.class.getResourceAsStream("/reference/kz_admin_units_2022.csv");
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      List<Region> regions = new ArrayList<>();
      for (CSVRecord c :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        regions.add(
            new Region(
                c.get("iso_3166_2"),
                c.get("type"),
                Map.of(
                    "en",
                    c.get("name_en"),
                    "kk",
                    c.get("name_kk"),
                    "ru",
                    cleanRu(c.get("name_ru"))),
                Map.of(
                    "en",
                    c.get("admin_centre_en"),
                    "kk",
                    c.get("admin_centre_kk"),
                    "ru",
                    c.get("admin_centre_en")),
                Double.parseDouble(c.get("centre_lat")),
                Double.parseDouble(c.get("centre_lon"))));
      }
      return List.copyOf(regions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // The source marks uncertain Russian forms in brackets: show the name, not the note.
  private static String cleanRu(String name) {
    int bracket = name.indexOf(" (");
    return bracket > 0 ? name.substring(0, bracket) : name;
  }
}
