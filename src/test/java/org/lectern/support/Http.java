package org.lectern.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talk to Lectern as an outside caller would. */
public final class Http {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client;
  private final String base;

  public Http(String base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager())
            .build();
  }

  /** A response with its body as text and, when JSON, as a tree. */
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Response get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
  }

  public Response delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers);
  }

  public Response postJson(String path, Object body, String... headers) {
    return sendJson("POST", path, body, headers);
  }

  public Response patchJson(String path, Object body, String... headers) {
    return sendJson("PATCH", path, body, headers);
  }

  public Response putJson(String path, Object body, String... headers) {
    return sendJson("PUT", path, body, headers);
  }

  public Response postRaw(String path, String contentType, String body, String... headers) {
    var b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(b, headers);
  }

  public Response postForm(String path, Map<String, String> form, String... headers) {
    StringBuilder sb = new StringBuilder();
    form.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append('&');
          }
          sb.append(enc(k)).append('=').append(enc(v));
        });
    return postRaw(path, "application/x-www-form-urlencoded", sb.toString(), headers);
  }

  /** Posts a multipart form with one file and optional text fields. */
  public Response postFile(
      String path,
      String field,
      String fileName,
      byte[] file,
      Map<String, String> fields,
      String... headers) {
    String boundary = "----lectern" + java.util.UUID.randomUUID();
    var out = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> w =
        t -> out.writeBytes(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    fields.forEach(
        (k, v) -> {
          w.accept(
              "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n");
          w.accept(v + "\r\n");
        });
    w.accept(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(file);
    w.accept("\r\n--" + boundary + "--\r\n");
    var b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    return send(b, headers);
  }

  /** The raw bytes of a GET answer (PDFs, images). */
  public byte[] bytes(String path, String... headers) {
    var b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Response sendJson(String method, String path, Object body, String... headers) {
    String json = body instanceof String s ? s : JSON.writeValueAsString(body);
    var b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    return send(b, headers);
  }

  private Response send(HttpRequest.Builder b, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  public static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
