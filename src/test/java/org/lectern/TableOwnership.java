package org.lectern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.modulith.ApplicationModule;

/**
 * Which module owns which table (src/main/resources/db/table-owners.txt), checked against the
 * Flyway migrations and against every SQL string in the modules' classes. A module's SQL may name
 * its own tables and the views published by modules it may depend on; anything else is a violation,
 * unless the owners file lists it as a written exception.
 */
final class TableOwnership {

  static final Path OWNERS = Path.of("src/main/resources/db/table-owners.txt");
  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  static final Path SOURCES = Path.of("src/main/java/org/lectern");

  private static final Pattern CREATE_TABLE =
      Pattern.compile("create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
  private static final Pattern CREATE_VIEW =
      Pattern.compile("create\\s+(?:or\\s+replace\\s+)?view\\s+(\\w+)");
  private static final Pattern RENAME =
      Pattern.compile(
          "alter\\s+(table|view)\\s+(?:if\\s+exists\\s+)?(\\w+)\\s+rename\\s+to\\s+(\\w+)");
  private static final Pattern DROP =
      Pattern.compile("drop\\s+(table|view)\\s+(?:if\\s+exists\\s+)?(\\w+)");

  /** SQL keywords followed by the relation they read or write; names are lower case in SQL. */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?i:\\b(from|join|into|update|delete\\s+from|using|truncate(?:\\s+table)?))"
              + "\\s+([a-z_][a-z0-9_]*)\\b");

  private static final Pattern JAVA_MIGRATION = Pattern.compile("V\\d+__\\w+\\.java");

  record Relation(String name, String owner, boolean view) {}

  record Exception(String module, String table, String reason) {}

  record Use(String module, String file, String relation, boolean write) {}

  final Map<String, Relation> owned = new LinkedHashMap<>();
  final List<Exception> exceptions = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  private TableOwnership() {}

  static TableOwnership read() {
    TableOwnership t = new TableOwnership();
    int n = 0;
    for (String raw : lines(OWNERS)) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("exception ")) {
        String[] parts = line.split("\\s+--\\s+", 2);
        String[] words = parts[0].split("\\s+");
        if (words.length != 3 || parts.length != 2 || parts[1].isBlank()) {
          t.problems.add("owners file line " + n + ": 'exception <module> <table> -- <reason>'");
          continue;
        }
        t.exceptions.add(new Exception(words[1], words[2], parts[1].strip()));
        continue;
      }
      String[] words = line.split("\\s+");
      boolean view = words[0].equals("view");
      if (view ? words.length != 3 : words.length != 2) {
        t.problems.add("owners file line " + n + ": '<table> <module>' or 'view <view> <module>'");
        continue;
      }
      Relation r = new Relation(words[view ? 1 : 0], words[view ? 2 : 1], view);
      if (t.owned.put(r.name(), r) != null) {
        t.problems.add("owners file lists " + r.name() + " twice");
      }
    }
    return t;
  }

  /** Tables and views that exist after all migrations (name to "table" or "view"). */
  static Map<String, String> migrated() {
    Map<String, String> relations = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(MIGRATIONS)) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(".sql"))
              .sorted(Comparator.comparing(TableOwnership::version))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      String sql =
          String.join("\n", lines(file)).replaceAll("--[^\n]*", "").toLowerCase(Locale.ROOT);
      // In order of appearance, so that a file may create, rename and drop.
      Matcher m =
          Pattern.compile(
                  CREATE_TABLE.pattern()
                      + "|"
                      + CREATE_VIEW.pattern()
                      + "|"
                      + RENAME.pattern()
                      + "|"
                      + DROP.pattern())
              .matcher(sql);
      while (m.find()) {
        if (m.group(1) != null) {
          relations.put(m.group(1), "table");
        } else if (m.group(2) != null) {
          relations.put(m.group(2), "view");
        } else if (m.group(4) != null) {
          String kind = relations.remove(m.group(4));
          if (kind != null) {
            relations.put(m.group(5), kind);
          }
        } else {
          relations.remove(m.group(7));
        }
      }
    }
    return relations;
  }

  private static long version(Path migration) {
    String name = migration.getFileName().toString();
    return Long.parseLong(name.substring(1, name.indexOf("__")).replace("_", ""));
  }

  /** Problems with the owners file itself: unknown modules, missing or stale relations. */
  List<String> checkFile(Set<String> modules) {
    List<String> out = new ArrayList<>(problems);
    Map<String, String> migrated = migrated();
    migrated.forEach(
        (name, kind) -> {
          Relation r = owned.get(name);
          if (r == null) {
            out.add(kind + " " + name + " has no owner in " + OWNERS);
          } else if (r.view() != kind.equals("view")) {
            out.add(name + " is a " + kind + ": list it as such in " + OWNERS);
          }
        });
    owned
        .values()
        .forEach(
            r -> {
              if (!migrated.containsKey(r.name())) {
                out.add(OWNERS + " lists " + r.name() + ", which no migration creates");
              }
              if (!modules.contains(r.owner())) {
                out.add(r.name() + " is owned by " + r.owner() + ", which is not a module");
              }
            });
    for (Exception e : exceptions) {
      if (!modules.contains(e.module()) || !owned.containsKey(e.table())) {
        out.add("exception names an unknown module or table: " + e);
      }
    }
    return out;
  }

  /** Every SQL use of a known table or view in the main classes of every module. */
  List<Use> uses() {
    List<Use> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() < 2
            || JAVA_MIGRATION.matcher(file.getFileName().toString()).matches()) {
          // The application class has no SQL; Java migrations run at a fixed schema version and
          // must read the tables as they were then, whoever owns them.
          continue;
        }
        String module = relative.getName(0).toString();
        for (String literal : JavaStrings.of(Files.readString(file))) {
          Matcher m = REFERENCE.matcher(literal);
          while (m.find()) {
            String name = m.group(2);
            if (owned.containsKey(name)) {
              String keyword = m.group(1).toLowerCase(Locale.ROOT);
              boolean write = !keyword.equals("from") && !keyword.equals("join");
              write = write && !keyword.equals("using");
              out.add(new Use(module, relative.toString(), name, write));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Uses that break ownership: foreign tables, writes to views, views of undeclared owners. */
  List<String> violations(List<Use> uses) {
    Set<String> out = new TreeSet<>();
    Set<Exception> used = new LinkedHashSet<>();
    for (Use use : uses) {
      Relation r = owned.get(use.relation());
      if (r.view()) {
        if (use.write()) {
          out.add(use.file() + " writes to the view " + r.name() + ", which is read-only");
        } else if (!r.owner().equals(use.module())
            && !allowedDependencies(use.module()).contains(r.owner())) {
          out.add(
              use.file()
                  + " reads the view "
                  + r.name()
                  + " of "
                  + r.owner()
                  + ", on which "
                  + use.module()
                  + " may not depend (package-info allowedDependencies)");
        }
        continue;
      }
      if (r.owner().equals(use.module())) {
        continue;
      }
      Exception allowed =
          exceptions.stream()
              .filter(e -> e.module().equals(use.module()) && e.table().equals(r.name()))
              .findFirst()
              .orElse(null);
      if (allowed != null) {
        used.add(allowed);
        continue;
      }
      out.add(
          use.file()
              + " names the table "
              + r.name()
              + " owned by "
              + r.owner()
              + ": use "
              + r.owner()
              + "'s Java API or a view it publishes");
    }
    exceptions.stream()
        .filter(e -> !used.contains(e))
        .forEach(e -> out.add("exception no longer needed, remove it from " + OWNERS + ": " + e));
    return new ArrayList<>(out);
  }

  /** The modules a module may depend on, from its package-info (empty when undeclared). */
  static Set<String> allowedDependencies(String module) {
    ApplicationModule a = annotation(module);
    Set<String> out = new LinkedHashSet<>();
    if (a != null) {
      Arrays.stream(a.allowedDependencies()).forEach(d -> out.add(d.split("::")[0].strip()));
    }
    return out;
  }

  /** The module's annotation when it restricts its dependencies, otherwise null. */
  static ApplicationModule annotation(String module) {
    try {
      Package p =
          Class.forName("org.lectern." + module + ".package-info", false, loader()).getPackage();
      ApplicationModule a = p.getAnnotation(ApplicationModule.class);
      return a == null
              || Arrays.asList(a.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)
          ? null
          : a;
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static ClassLoader loader() {
    return TableOwnership.class.getClassLoader();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The string literals and text blocks of a Java source, comments and characters skipped. */
  static final class JavaStrings {

    private JavaStrings() {}

    static List<String> of(String source) {
      List<String> out = new ArrayList<>();
      int i = 0;
      int n = source.length();
      while (i < n) {
        char c = source.charAt(i);
        if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
          int end = source.indexOf('\n', i);
          i = end < 0 ? n : end;
        } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
          int end = source.indexOf("*/", i + 2);
          i = end < 0 ? n : end + 2;
        } else if (source.startsWith("\"\"\"", i)) {
          int end = i + 3;
          while (end < n && !(source.startsWith("\"\"\"", end) && source.charAt(end - 1) != '\\')) {
            end++;
          }
          out.add(source.substring(i + 3, Math.min(end, n)));
          i = end + 3;
        } else if (c == '"' || c == '\'') {
          int end = i + 1;
          while (end < n && source.charAt(end) != c) {
            end += source.charAt(end) == '\\' ? 2 : 1;
          }
          if (c == '"') {
            out.add(source.substring(i + 1, Math.min(end, n)));
          }
          i = end + 1;
        } else {
          i++;
        }
      }
      return out;
    }
  }
}
