package org.lectern.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain Server-Sent Events reader over java.net.http, as an outside client would be. */
final class SseClient implements AutoCloseable {

  record Event(long id, String type, String data) {}

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final InputStream body;
  final int status;
  final String contentType;

  SseClient(String url, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i + 1] != null) {
        b.header(headers[i], headers[i + 1]);
      }
    }
    try {
      HttpResponse<InputStream> r =
          CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      status = r.statusCode();
      contentType = r.headers().firstValue("Content-Type").orElse("");
      body = r.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Thread t = new Thread(this::read, "sse-client");
    t.setDaemon(true);
    t.start();
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      long id = -1;
      String type = "message";
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (id >= 0 || data.length() > 0) {
            events.add(new Event(id, type, data.toString()));
          }
          id = -1;
          type = "message";
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = Long.parseLong(line.substring(3).strip());
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // closed
    }
  }

  /** The next {@code n} events, waiting at most {@code timeout} in all. */
  List<Event> take(int n, Duration timeout) throws InterruptedException {
    List<Event> got = new ArrayList<>();
    long until = System.nanoTime() + timeout.toNanos();
    while (got.size() < n) {
      Event e = events.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        break;
      }
      got.add(e);
    }
    return got;
  }

  /** Whatever else arrives within {@code wait}. */
  List<Event> drain(Duration wait) throws InterruptedException {
    Thread.sleep(wait.toMillis());
    List<Event> rest = new ArrayList<>();
    events.drainTo(rest);
    return rest;
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException ignored) {
      // gone
    }
  }
}
