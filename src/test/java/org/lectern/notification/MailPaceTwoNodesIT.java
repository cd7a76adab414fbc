package org.lectern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.lectern.shared.limit.RateLimiter;
import org.lectern.support.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sending pace is one for all nodes: two nodes, each with its own sender and its own {@link
 * MailPace} (as two running nodes have), sending the same outbox at the same time, together send no
 * more than the pace in a window — not the pace each — and every mail exactly once. The pace's
 * count is the shared rate-limit table; what a node books for refused mails is its own view only
 * and decides nothing.
 */
class MailPaceTwoNodesIT extends OutboxSenderFixture {

  static final int PACE = 25;
  static final int MAILS = 60;

  @Autowired ApplicationContext applicationContext;

  /** A sender built from a node's own beans, to the test's SMTP server, at the pace per window. */
  private OutboxSender senderOf(ApplicationContext node, Duration window) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(smtpPort);
    var beans = new StaticListableBeanFactory(Map.of("mailSender", mail));
    Clock clock = node.getBean(Clock.class);
    return new OutboxSender(
        node.getBean(OutboxRepository.class),
        node.getBean(OutboxStatusRepository.class),
        node.getBean(UndeliverableAddresses.class),
        node.getBean(ReturnPath.class),
        new MailPace(node.getBean(RateLimiter.class), 1000, PACE, window),
        beans.getBeanProvider(JavaMailSender.class),
        null,
        node.getBean(TransactionTemplate.class),
        clock,
        "lectern@example.org",
        "training@example.org",
        8,
        new SmtpConnections(SmtpConnections.IDLE, SmtpConnections.MESSAGES, clock));
  }

  /** Both senders at once, each sending until a few of its batches in a row send nothing. */
  private int sendTogether(List<OutboxSender> nodes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Integer>> sent = new ArrayList<>();
      for (OutboxSender node : nodes) {
        sent.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                  int total = 0;
                  for (int idle = 0; idle < 3; ) {
                    int n = node.sendDue();
                    total += n;
                    idle = n == 0 ? idle + 1 : 0;
                  }
                  return total;
                },
                pool));
      }
      start.countDown();
      int total = 0;
      for (var s : sent) {
        total += s.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  @Test
  void twoNodesSendingTogetherKeepToOnePaceAndSendEveryMailOnce() throws Exception {
    for (int i = 0; i < MAILS; i++) {
      queue(MailKind.PROGRAMME_ANNOUNCEMENT, "m" + i + "@domain" + (i % 4) + ".example");
    }
    // An hour's window that ends in more than two minutes: each round below falls into one window.
    Duration hour = Duration.ofHours(1);
    await()
        .atMost(Duration.ofSeconds(150))
        .until(() -> hour.toMillis() - clock.millis() % hour.toMillis() > 120_000);
    List<OutboxSender> nodes =
        List.of(senderOf(applicationContext, hour), senderOf(SecondNode.get(), hour));

    List<Integer> perWindow = new ArrayList<>();
    for (int window = 0; window < 5 && received().size() < MAILS; window++) {
      if (window > 0) {
        // The next window, as far as the pace knows: its counts start again, and the mails it
        // booked for it are due.
        jdbc.sql("delete from rate_limit_window").update();
        jdbc.sql("update mail_outbox_due set next_attempt_at = now()").update();
      }
      int before = received().size();
      int sent = sendTogether(nodes);
      assertThat(received().size() - before).as("received in window " + window).isEqualTo(sent);
      perWindow.add(sent);
    }
    // The pace, not the pace per node, in every window: 25 + 25 + 10.
    assertThat(perWindow).containsExactly(PACE, PACE, MAILS - 2 * PACE);
    // Every mail exactly once: none lost, none twice.
    assertThat(received()).hasSize(MAILS).doesNotHaveDuplicates();
    assertThat(count("select count(*) from mail_outbox where status = 'SENT'")).isEqualTo(MAILS);
    assertThat(count("select count(*) from mail_outbox_due")).isZero();
  }
}
