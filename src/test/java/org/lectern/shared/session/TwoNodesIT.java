package org.lectern.shared.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.identity.LecternUser;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.lectern.support.Fixtures;
import org.lectern.support.IntegrationTest;
import org.lectern.support.LimitWindows;
import org.lectern.support.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * Two application nodes on one PostgreSQL, as behind a proxy that is not sticky: node A is the
 * shared test context, node B a second application. What one node stores, the other honours —
 * browser sessions (back office and My trainings), one-time sign-in links, sign-in throttling — and
 * a job scheduled on the shared table runs once, whichever node's scheduler takes it.
 */
class TwoNodesIT extends IntegrationTest {

  @Autowired Fixtures fixtures;
  @Autowired PersonalDataCipher cipher;
  @Autowired DataSource dataSource;

  @Autowired
  @Qualifier("delegateOneTimeTokens")
  OneTimeTokenService tokens;

  String a;
  String b;

  @BeforeAll
  void nodes() {
    a = baseUrl();
    b = SecondNode.baseUrl();
  }

  @Test
  void aSessionOpenedOnOneNodeIsValidOnTheOtherAndEndsOnBoth() {
    LecternUser user = fixtures.organiser("nodes");
    var browser = new TwoNodeBrowser();
    // Opening the sign-in page makes no session (ADR 0028: the form's token is in a cookie)…
    var login = browser.get(a, "/login");
    assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
    // …signing in does, and its cookie is the one both nodes accept.
    var signedIn =
        browser.post(
            a,
            "/login",
            browser.csrf(a, "/login"),
            Map.of("email", user.email(), "password", Fixtures.PASSWORD));
    assertThat(signedIn.headers().firstValue("Location")).hasValue("/admin");
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("SESSION="))
        .singleElement()
        .asString()
        .contains("HttpOnly")
        .contains("SameSite=Lax");

    var onB = browser.get(b, "/admin/account");
    assertThat(onB.statusCode()).isEqualTo(200);
    assertThat(onB.body()).contains(user.email());

    // The form token lives in the session too: a form shown by B is accepted by A.
    var out = browser.post(a, "/logout", browser.csrf(b, "/admin/account"), Map.of());
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(browser.get(b, "/admin/account").statusCode()).isEqualTo(302);
  }

  @Test
  void theStoreHoldsNoAddressAndNoNameInClear() {
    LecternUser user = fixtures.organiser("sealed");
    var browser = new TwoNodeBrowser();
    browser.signIn(b, user.email(), Fixtures.PASSWORD);
    assertThat(
            jdbc.sql("select principal_name from spring_session where principal_name like 'user:%'")
                .query(String.class)
                .list())
        .contains("user:" + user.id());
    var bytes =
        jdbc.sql(
                "select a.attribute_bytes from spring_session_attributes a"
                    + " join spring_session s on s.primary_id = a.session_primary_id"
                    + " where s.principal_name = :p")
            .param("p", "user:" + user.id())
            .query(byte[].class)
            .list();
    assertThat(bytes).isNotEmpty();
    for (byte[] value : bytes) {
      String raw = new String(value, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(raw).doesNotContain(user.email()).doesNotContain(user.fullName());
    }
  }

  @Test
  void aPasswordChangedOnOneNodeEndsTheOtherSessionsEverywhere() {
    LecternUser user = fixtures.organiser("password");
    var laptop = new TwoNodeBrowser();
    var phone = new TwoNodeBrowser();
    laptop.signIn(a, user.email(), Fixtures.PASSWORD);
    phone.signIn(b, user.email(), Fixtures.PASSWORD);
    assertThat(sessionsOf(user)).isEqualTo(2);

    var changed =
        laptop.post(
            b,
            "/admin/account/password",
            laptop.csrf(b, "/admin/account"),
            Map.of(
                "currentPassword", Fixtures.PASSWORD, "newPassword", "violet tractor umbrella 93"));
    assertThat(changed.statusCode()).isEqualTo(302);

    assertThat(sessionsOf(user)).isEqualTo(1);
    assertThat(phone.get(a, "/admin/account").statusCode()).isEqualTo(302);
    assertThat(phone.get(b, "/admin/account").statusCode()).isEqualTo(302);
    assertThat(laptop.get(a, "/admin/account").statusCode()).isEqualTo(200);
    assertThat(laptop.get(b, "/admin/account").statusCode()).isEqualTo(200);
  }

  @Test
  void aSignInLinkIssuedOnOneNodeWorksOnceOnAny() {
    String email = "two-nodes-delegate@example.org";
    String index = cipher.emailIndex(email);
    jdbc.sql(
            """
            insert into delegate_address (email_index, email, language, created_at, updated_at)
            values (:idx, :email, 'en', :now, :now) on conflict do nothing
            """)
        .param("idx", index)
        .param("email", cipher.encrypt(email, "delegate.email"))
        .param("now", Timestamp.from(Instant.now()))
        .update();
    String token =
        tokens
            .generate(new GenerateOneTimeTokenRequest(index, Duration.ofMinutes(15)))
            .getTokenValue();

    var first = new TwoNodeBrowser();
    String page = "/my/sign-in/token?token=" + token;
    var in = first.post(b, "/my/sign-in/token", first.csrf(b, page), Map.of("token", token));
    assertThat(in.headers().firstValue("Location")).hasValue("/my");
    assertThat(first.get(a, "/my").statusCode()).isEqualTo(200);

    var second = new TwoNodeBrowser();
    var again = second.post(a, "/my/sign-in/token", second.csrf(a, page), Map.of("token", token));
    assertThat(again.headers().firstValue("Location")).hasValue("/my/sign-in?expired");
  }

  @Test
  void failedSignInsCountedOnBothNodesLockTheAccountOnBoth() {
    LecternUser user = fixtures.organiser("throttle");
    var attacker = new TwoNodeBrowser();
    // The five failures in one of the account limit's fixed 15-minute windows.
    LimitWindows.awaitRoom(Duration.ofMinutes(15), Duration.ofSeconds(90));
    for (int i = 0; i < 5; i++) {
      String node = i % 2 == 0 ? a : b;
      assertThat(attacker.signIn(node, user.email(), "wrong password " + i))
          .isEqualTo("/login?error");
    }
    // The right password no longer opens the account, on either node, while it is locked.
    assertThat(new TwoNodeBrowser().signIn(a, user.email(), Fixtures.PASSWORD))
        .isEqualTo("/login?error");
    assertThat(new TwoNodeBrowser().signIn(b, user.email(), Fixtures.PASSWORD))
        .isEqualTo("/login?error");
  }

  @Test
  void aJobOnTheSharedTableRunsOnceWhicheverNodeTakesIt() {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    OneTimeTask<Void> probe =
        Tasks.oneTime("two-nodes-probe")
            .execute(
                (instance, context) ->
                    runs.computeIfAbsent(instance.getId(), k -> new AtomicInteger())
                        .incrementAndGet());
    Scheduler nodeA = scheduler("node-a", probe);
    Scheduler nodeB = scheduler("node-b", probe);
    nodeA.start();
    nodeB.start();
    try {
      for (int i = 0; i < 40; i++) {
        (i % 2 == 0 ? nodeA : nodeB).schedule(probe.instance("job-" + i), Instant.now());
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql(
                              "select count(*) from scheduled_tasks where task_name = 'two-nodes-probe'")
                          .query(Long.class)
                          .single()
                      == 0);
    } finally {
      nodeA.stop();
      nodeB.stop();
    }
    assertThat(runs).hasSize(40);
    assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
  }

  private Scheduler scheduler(String name, OneTimeTask<Void> task) {
    return Scheduler.create(dataSource, task)
        .schedulerName(new SchedulerName.Fixed(name))
        .pollingInterval(Duration.ofMillis(50))
        .threads(4)
        .registerShutdownHook()
        .build();
  }

  private long sessionsOf(LecternUser user) {
    return jdbc.sql("select count(*) from spring_session where principal_name = :p")
        .param("p", "user:" + user.id())
        .query(Long.class)
        .single();
  }
}
