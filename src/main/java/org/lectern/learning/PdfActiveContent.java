package org.lectern.learning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds what a PDF could do by itself when opened: JavaScript, launching programs, submitting or
 * importing data, opening other files, actions run automatically ({@code /AA}, an {@code
 * /OpenAction} other than going to a page), embedded files, XFA forms and rich media. The whole
 * object graph reachable from the trailer is walked, so names hidden in compressed object streams
 * or written with {@code #xx} escapes are found too; the raw bytes are searched as well, for what a
 * broken file might hide from the parser.
 */
final class PdfActiveContent {

  /** Objects walked at most: more than any handout has; a file beyond it is refused. */
  static final int MAX_OBJECTS = 500_000;

  private static final Pattern RAW =
      Pattern.compile("/(JavaScript|JS|Launch|OpenAction\\s*<<|AA\\s*<<|EmbeddedFile|XFA)\\b");

  private static final Set<String> DANGEROUS_ACTIONS =
      Set.of(
          "JavaScript",
          "Launch",
          "SubmitForm",
          "ImportData",
          "GoToR",
          "GoToE",
          "RichMediaExecute",
          "Rendition",
          "Movie",
          "Sound",
          "Hide",
          "SetOCGState");

  private static final Set<String> DANGEROUS_KEYS =
      Set.of("JS", "JavaScript", "AA", "EmbeddedFile", "EmbeddedFiles", "XFA", "RichMediaContent");

  private PdfActiveContent() {}

  /** The message key of what is wrong with the PDF, or null when it is a plain document. */
  static String problem(byte[] bytes) {
    if (RAW.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find()) {
      return "learning.material.pdfActive";
    }
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      if (doc.getNumberOfPages() == 0) {
        return "learning.material.unreadable";
      }
      return walk(doc.getDocument().getTrailer());
    } catch (IOException | RuntimeException e) {
      return "learning.material.unreadable";
    }
  }

  private static String walk(COSDictionary trailer) {
    Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<COSBase> todo = new ArrayDeque<>();
    todo.push(trailer);
    while (!todo.isEmpty()) {
      COSBase node = todo.pop();
      if (node instanceof COSObject ref) {
        node = ref.getObject();
      }
      if (node == null || !seen.add(node)) {
        continue;
      }
      if (seen.size() > MAX_OBJECTS) {
        return "learning.material.unreadable";
      }
      if (node instanceof COSDictionary d) {
        for (COSName key : d.keySet()) {
          if (DANGEROUS_KEYS.contains(key.getName())) {
            return "learning.material.pdfActive";
          }
        }
        if (d.getDictionaryObject(COSName.S) instanceof COSName s
            && DANGEROUS_ACTIONS.contains(s.getName())) {
          return "learning.material.pdfActive";
        }
        if (d.getDictionaryObject(COSName.OPEN_ACTION) instanceof COSDictionary open
            && !(open.getDictionaryObject(COSName.S) instanceof COSName s
                && "GoTo".equals(s.getName()))) {
          return "learning.material.pdfActive";
        }
        d.getValues().forEach(todo::push);
      } else if (node instanceof COSArray a) {
        a.forEach(todo::push);
      }
    }
    return null;
  }
}
