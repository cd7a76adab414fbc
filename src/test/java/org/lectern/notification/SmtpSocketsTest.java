package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** SMTP connections without Nagle's delay, unless the operator said how to connect. */
class SmtpSocketsTest {

  @Test
  void theSocketsOfTheFactoryHaveNoNagleDelay() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket unconnected = SmtpSockets.NoDelay.INSTANCE.createSocket();
        Socket connected =
            SmtpSockets.NoDelay.INSTANCE.createSocket(
                InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      assertThat(unconnected.getTcpNoDelay()).isTrue();
      assertThat(connected.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void theSenderSpringConfiguresGetsTheFactoryForItsProtocol() {
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    new SmtpSockets().postProcessBeforeInitialization(smtp, "mailSender");
    assertThat(smtp.getJavaMailProperties().get("mail.smtp.socketFactory"))
        .isSameAs(SmtpSockets.NoDelay.INSTANCE);

    JavaMailSenderImpl smtps = new JavaMailSenderImpl();
    smtps.setProtocol("smtps");
    new SmtpSockets().postProcessBeforeInitialization(smtps, "mailSender");
    assertThat(smtps.getJavaMailProperties().get("mail.smtps.socketFactory"))
        .isSameAs(SmtpSockets.NoDelay.INSTANCE);
    assertThat(smtps.getJavaMailProperties()).doesNotContainKey("mail.smtp.socketFactory");
  }

  @Test
  void anOperatorsOwnFactoryOrProxyIsKept() {
    for (String own :
        new String[] {
          "mail.smtp.socketFactory.class",
          "mail.smtp.ssl.socketFactory.class",
          "mail.smtp.proxy.host",
          "mail.smtp.socks.host"
        }) {
      Properties p = new Properties();
      p.setProperty(own, "configured");
      assertThat(SmtpSockets.configure(p, "smtp")).as(own).isFalse();
      assertThat(p).as(own).doesNotContainKey("mail.smtp.socketFactory");
    }
    Properties none = new Properties();
    assertThat(SmtpSockets.configure(none, null)).isTrue();
    assertThat(none.get("mail.smtp.socketFactory")).isSameAs(SmtpSockets.NoDelay.INSTANCE);
  }

  @Test
  void connectingAndRepliesHaveATimeoutUnlessTheOperatorSetOne() {
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    new SmtpSockets().postProcessBeforeInitialization(smtp, "mailSender");
    assertThat(smtp.getJavaMailProperties().getProperty("mail.smtp.connectiontimeout"))
        .isEqualTo("30000");
    assertThat(smtp.getJavaMailProperties().getProperty("mail.smtp.timeout")).isEqualTo("60000");

    JavaMailSenderImpl own = new JavaMailSenderImpl();
    own.setProtocol("smtps");
    own.getJavaMailProperties().setProperty("mail.smtps.timeout", "5000");
    new SmtpSockets().postProcessBeforeInitialization(own, "mailSender");
    assertThat(own.getJavaMailProperties().getProperty("mail.smtps.timeout")).isEqualTo("5000");
    assertThat(own.getJavaMailProperties().getProperty("mail.smtps.connectiontimeout"))
        .isEqualTo("30000");
    assertThat(own.getJavaMailProperties()).doesNotContainKey("mail.smtp.timeout");
  }
}
