package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries hold: no cycles, no use of another module's internals, no dependency that a
 * module's package-info does not allow (allowedDependencies), and no SQL on another module's tables
 * (src/main/resources/db/table-owners.txt). See ADR 0025.
 */
class ModulesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(LecternApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
        .contains("programme", "session", "catalogue", "identity");
    MODULES.verify();
  }

  /** Without a declaration Modulith allows everything: every module must say what it may use. */
  @Test
  void everyModuleDeclaresWhatItMayDependOn() {
    assertThat(
            MODULES.stream()
                .filter(m -> !m.getIdentifier().toString().equals("shared"))
                .filter(m -> !declaresDependencies(m))
                .map(m -> m.getIdentifier().toString()))
        .as("modules without @ApplicationModule(allowedDependencies = ...) in package-info.java")
        .isEmpty();
  }

  @Test
  void everyTableHasOneOwnerAndOnlyItsOwnerNamesItInSql() {
    TableOwnership owners = TableOwnership.read();
    Set<String> modules =
        MODULES.stream().map(m -> m.getIdentifier().toString()).collect(Collectors.toSet());
    assertThat(owners.checkFile(modules)).as("the owners file").isEmpty();
    assertThat(owners.violations(owners.uses()))
        .as("SQL on tables of another module (see %s)", TableOwnership.OWNERS)
        .isEmpty();
  }

  /**
   * Writes the module documentation (diagrams as PlantUML text, canvases, one aggregating page) to
   * docs/modules, so the committed copy follows the code; a change shows up in git status.
   */
  @Test
  void writesTheModuleDocumentation() throws IOException {
    readableJavadoc();
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeDocumentation()
        .writeAggregatingDocument();
    stableOrder(Path.of("docs/modules"));
    assertThat(new java.io.File("docs/modules/components.puml")).exists();
  }

  /**
   * The canvases show each type's Javadoc, which Spring Modulith's annotation processor extracts to
   * target/generated-spring-modulith/javadoc.json. Its reader (Spring Boot's BasicJsonParser) fails
   * on an escaped double quote followed by a comma, as in {@code ("a", "b")}: those quotes become
   * single ones before the reader loads the file.
   */
  private static void readableJavadoc() throws IOException {
    Path javadoc = Path.of("target/generated-spring-modulith/javadoc.json");
    if (Files.exists(javadoc)) {
      Files.writeString(javadoc, Files.readString(javadoc).replace("\\\"", "'"));
    }
  }

  /**
   * The diagrams list their relations, and the canvases their components and events, in no fixed
   * order; sorted, an unchanged design leaves the committed files unchanged.
   */
  private static void stableOrder(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.toString();
        if (name.endsWith(".puml") || name.endsWith(".adoc")) {
          Files.write(file, sortedRuns(Files.readAllLines(file)));
        }
      }
    }
  }

  /**
   * Sorts each run of relation lines ({@code Rel(...)}) and each run of list items ({@code * ...},
   * the first of a table cell written {@code |* ...}, an item going on until the next item, cell,
   * heading or blank line).
   */
  static List<String> sortedRuns(List<String> lines) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      boolean rel = line.startsWith("Rel(");
      if (!rel && !line.startsWith("* ") && !line.startsWith("|* ")) {
        out.add(line);
        i++;
        continue;
      }
      boolean cell = line.startsWith("|");
      List<List<String>> items = new ArrayList<>();
      while (i < lines.size()) {
        String l = lines.get(i);
        boolean starts = rel ? l.startsWith("Rel(") : l.startsWith("* ") || items.isEmpty();
        if (starts) {
          items.add(new ArrayList<>(List.of(items.isEmpty() && cell ? l.substring(1) : l)));
        } else if (!rel
            && !l.isEmpty()
            && !l.startsWith("|")
            && !l.startsWith("_")
            && !l.startsWith("=")) {
          items.get(items.size() - 1).add(l);
        } else {
          break;
        }
        i++;
      }
      items.sort((a, b) -> String.join("\n", a).compareTo(String.join("\n", b)));
      if (cell) {
        items.get(0).set(0, "|" + items.get(0).get(0));
      }
      items.forEach(out::addAll);
    }
    return out;
  }

  private static boolean declaresDependencies(ApplicationModule module) {
    return TableOwnership.annotation(module.getIdentifier().toString()) != null;
  }
}
