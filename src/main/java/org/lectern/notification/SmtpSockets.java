package org.lectern.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * SMTP connections without Nagle's delay ({@code TCP_NODELAY}), issue 16. Jakarta Mail flushes a
 * message's body and then writes the lone {@code .} that ends it: with Nagle's algorithm that
 * second small write waits until the server acknowledges the body, and a server that answers only
 * after the {@code .} acknowledges late (delayed ACK, 40 ms and more on Linux). Each message of a
 * batch paid that wait, so one sending thread delivered about twenty mails a second whatever the
 * pace allowed. The commands of SMTP are a dialogue of small writes, each awaited by the other
 * side, which is exactly where Nagle's algorithm only adds latency.
 *
 * <p>Set on the mail sender Spring Boot configures, as {@code mail.<protocol>.socketFactory}, only
 * when the operator configured no socket factory, SSL socket factory or proxy of their own ({@code
 * spring.mail.properties.*} wins). Implicit TLS ({@code smtps}) and STARTTLS wrap the socket this
 * factory makes, so they keep the option.
 */
@Component
class SmtpSockets implements BeanPostProcessor {

  /** Plain sockets with {@code TCP_NODELAY}; connecting, timeouts and TLS stay Jakarta Mail's. */
  static final class NoDelay extends SocketFactory {

    static final NoDelay INSTANCE = new NoDelay();

    private NoDelay() {}

    private static Socket noDelay(Socket s) throws IOException {
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
        throws IOException {
      return noDelay(new Socket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
        throws IOException {
      return noDelay(new Socket(host, port, local, localPort));
    }
  }

  /** Waiting for a connection, in milliseconds, unless the operator set it. */
  static final String CONNECT_TIMEOUT = "30000";

  /** Waiting for a reply of the server, in milliseconds, unless the operator set it. */
  static final String READ_TIMEOUT = "60000";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String name) {
    if (bean instanceof JavaMailSenderImpl sender) {
      configure(sender.getJavaMailProperties(), sender.getProtocol());
      timeouts(sender.getJavaMailProperties(), sender.getProtocol());
    }
    return bean;
  }

  /**
   * Jakarta Mail waits for ever by default: for a connection and for each reply. A connection kept
   * across batches ({@link SmtpConnections}) that a firewall dropped without a word would hold the
   * sending thread for good; with a reply timeout the message fails as a lost connection does
   * (retried after the back-off) and the connection is replaced. The operator's own values ({@code
   * spring.mail.properties.mail.smtp.timeout}, {@code ….connectiontimeout}) win.
   */
  static void timeouts(Properties properties, String protocol) {
    String prefix = "mail." + (protocol == null || protocol.isBlank() ? "smtp" : protocol);
    properties.putIfAbsent(prefix + ".connectiontimeout", CONNECT_TIMEOUT);
    properties.putIfAbsent(prefix + ".timeout", READ_TIMEOUT);
  }

  /** Adds the factory unless the properties already say how to connect; true when it did. */
  static boolean configure(Properties properties, String protocol) {
    String prefix = "mail." + (protocol == null || protocol.isBlank() ? "smtp" : protocol);
    for (String own :
        new String[] {
          ".socketFactory",
          ".socketFactory.class",
          ".ssl.socketFactory",
          ".ssl.socketFactory.class",
          ".proxy.host",
          ".socks.host"
        }) {
      if (properties.get(prefix + own) != null) {
        return false;
      }
    }
    properties.put(prefix + ".socketFactory", NoDelay.INSTANCE);
    return true;
  }
}
