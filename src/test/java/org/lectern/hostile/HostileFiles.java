package org.lectern.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files made to hurt a reader: bombs, lies about their type, cut-short and mis-encoded files. */
final class HostileFiles {

  private HostileFiles() {}

  static final String CSV =
      "Name,Email,Join Time,Leave Time,Duration (Minutes)\n"
          + "Әлия Нұрова,aliya@example.org,02/09/2030 10:00:00 AM,02/09/2030 11:00:00 AM,60\n";

  /** Every hostile file by name (the name's extension is part of the lie). */
  static Map<String, byte[]> all() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("empty.csv", new byte[0]);
    files.put("truncated.csv", CSV.substring(0, 30).getBytes(StandardCharsets.UTF_8));
    files.put("png-magic.csv", png(1, 1));
    files.put("huge-dimensions.png", png(100_000, 100_000));
    files.put("truncated.png", java.util.Arrays.copyOf(png(10, 10), 20));
    files.put(
        "truncated.jpg",
        new byte[] {
          (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1
        });
    files.put("zip-bomb.xlsx", zipBomb());
    files.put("xml-bomb.xlsx", xmlBombXlsx());
    files.put("xml-bomb.xml", billionLaughs().getBytes(StandardCharsets.UTF_8));
    files.put("javascript.pdf", pdfWithJavaScript());
    files.put("truncated.pdf", java.util.Arrays.copyOf(pdfWithJavaScript(), 40));
    files.put("utf16-no-bom.csv", CSV.getBytes(StandardCharsets.UTF_16LE));
    files.put(
        "cp1251.csv",
        CSV.replace("Әлия Нұрова", "Алия Нурова").getBytes(Charset.forName("windows-1251")));
    files.put(
        "nul.csv", (CSV + "\u0000\u0000evil,\u0000@x,1,2,3\n").getBytes(StandardCharsets.UTF_8));
    files.put("invalid-utf8.csv", bytes(CSV, 0xC3, 0x28, 0xED, 0xA0, 0x80, "\n"));
    files.put("one-long-line.csv", "A".repeat(2_000_000).getBytes(StandardCharsets.US_ASCII));
    files.put(
        "depth-bomb.json",
        ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII));
    files.put("random.bin", random(64 * 1024));
    return files;
  }

  static byte[] png(int width, int height) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    byte[] ihdr = new byte[13];
    put32(ihdr, 0, width);
    put32(ihdr, 4, height);
    ihdr[8] = 8;
    ihdr[9] = 6;
    chunk(out, "IHDR", ihdr);
    // One deflated row of zeros: enough for a header-only reader, a bomb for a decoder.
    var z = new java.util.zip.Deflater();
    z.setInput(new byte[1 + Math.min(width, 1000) * 4]);
    z.finish();
    byte[] buf = new byte[4096];
    int n = z.deflate(buf);
    chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] len = new byte[4];
    put32(len, 0, data.length);
    out.writeBytes(len);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    byte[] c = new byte[4];
    put32(c, 0, (int) crc.getValue());
    out.writeBytes(c);
  }

  private static void put32(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }

  /** An XLSX whose one sheet inflates to 200 MB of spaces. */
  static byte[] zipBomb() {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 200; i++) {
        zip.write(spaces);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String billionLaughs() {
    StringBuilder sb =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    sb.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">\n");
    for (int i = 2; i <= 9; i++) {
      sb.append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    return sb.append("]>\n<worksheet>&lol9;</worksheet>\n").toString();
  }

  static byte[] xmlBombXlsx() {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(billionLaughs().getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(billionLaughs().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] pdfWithJavaScript() {
    String pdf =
        "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            + "3 0 obj << /S /JavaScript /JS (app.alert\\('hostile'\\); this.exportDataObject\\({cName: 'x'}\\);) >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n";
    return pdf.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(19).nextBytes(b);
    return b;
  }

  static byte[] bytes(Object... parts) {
    var out = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) p);
      }
    }
    return out.toByteArray();
  }
}
