package org.lectern.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on loopback that answers recipients by their local part: {@code gone…} gets
 * "550 no such mailbox" (permanent), {@code busy…} gets "451 try later" (temporary), anyone else is
 * accepted; at {@code drop…} it closes the connection without a reply (a connection that dies in
 * the middle of a batch). GreenMail accepts every recipient, so it cannot show how Lectern treats
 * refusals. Each connection is served on its own thread (Lectern keeps one open across batches).
 */
final class ScriptedSmtp implements AutoCloseable {

  private final ServerSocket server;
  final List<String> delivered = new CopyOnWriteArrayList<>();

  /** The envelope sender (MAIL FROM) of each delivered message. */
  final List<String> envelopeSenders = new CopyOnWriteArrayList<>();

  /** Each delivered message as sent (headers and body). */
  final List<String> messages = new CopyOnWriteArrayList<>();

  /** The verb of every command received (EHLO, MAIL, RCPT, DATA, NOOP, …), in order. */
  final List<String> commands = new CopyOnWriteArrayList<>();

  /** Connections accepted so far (a batch of messages should need one). */
  final AtomicInteger connections = new AtomicInteger();

  private final List<Socket> open = new CopyOnWriteArrayList<>();

  ScriptedSmtp() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::serve, "scripted-smtp");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        open.add(s);
        Thread t =
            new Thread(
                () -> {
                  try (s) {
                    talk(s);
                  } catch (IOException e) {
                    // closed, or the client went away
                  } finally {
                    open.remove(s);
                  }
                },
                "scripted-smtp-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        // closed: no more connections
      }
    }
  }

  /** Closes every open connection without a word, as a server restarting or timing out does. */
  void dropAll() throws IOException {
    for (Socket s : open) {
      s.close();
    }
  }

  /** The commands received with this verb so far. */
  long count(String verb) {
    return commands.stream().filter(verb::equals).count();
  }

  private void talk(Socket s) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
    reply(out, "220 scripted ESMTP");
    String recipient = null;
    String envelope = null;
    String line;
    while ((line = in.readLine()) != null) {
      String upper = line.toUpperCase(Locale.ROOT);
      commands.add(upper.split(" ", 2)[0]);
      if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
        reply(out, "250 scripted");
      } else if (upper.startsWith("MAIL FROM")) {
        envelope = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
        reply(out, "250 2.1.0 ok");
      } else if (upper.startsWith("RCPT TO")) {
        recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
        if (recipient.startsWith("drop")) {
          return;
        } else if (recipient.startsWith("gone")) {
          reply(out, "550 5.1.1 <" + recipient + ">: no such mailbox");
        } else if (recipient.startsWith("busy")) {
          reply(out, "451 4.3.0 try again later");
        } else {
          reply(out, "250 2.1.5 ok");
        }
      } else if (upper.equals("DATA")) {
        reply(out, "354 go ahead");
        StringBuilder message = new StringBuilder();
        while ((line = in.readLine()) != null && !line.equals(".")) {
          message.append(line).append('\n');
        }
        delivered.add(recipient);
        envelopeSenders.add(envelope);
        messages.add(message.toString());
        reply(out, "250 2.0.0 queued");
      } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
        reply(out, "250 ok");
      } else if (upper.startsWith("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropAll();
  }
}
