package org.lectern.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.IllegalTransactionStateException;

/** The transactions record beans write out (ADR 0027) behave as {@code @Transactional} did. */
class TransactionsIT extends IntegrationTest {

  @Autowired Transactions transactions;

  @BeforeAll
  void probeTable() {
    jdbc.sql("CREATE TABLE IF NOT EXISTS transactions_probe (n int)").update();
  }

  @AfterAll
  void dropProbeTable() {
    jdbc.sql("DROP TABLE IF EXISTS transactions_probe").update();
  }

  private int rows(int n) {
    return jdbc.sql("SELECT count(*) FROM transactions_probe WHERE n = ?")
        .param(n)
        .query(Integer.class)
        .single();
  }

  private void insert(int n) {
    jdbc.sql("INSERT INTO transactions_probe VALUES (?)").param(n).update();
  }

  @Test
  void workThatReturnsIsCommitted() {
    int result =
        transactions.result(
            () -> {
              insert(1);
              insert(1);
              return 2;
            });
    assertThat(result).isEqualTo(2);
    assertThat(rows(1)).isEqualTo(2);
  }

  @Test
  void workThatThrowsLeavesNothing() {
    assertThatThrownBy(
            () ->
                transactions.run(
                    () -> {
                      insert(2);
                      throw new IllegalStateException("refused");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(rows(2)).isZero();
  }

  @Test
  void nestedWorkJoinsTheOuterTransaction() {
    assertThatThrownBy(
            () ->
                transactions.run(
                    () -> {
                      transactions.run(() -> insert(3));
                      transactions.joinedRun(() -> insert(3));
                      throw new IllegalStateException("refused after the inner work");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(rows(3)).isZero();
  }

  @Test
  void joinedWorkIsRefusedWithoutATransaction() {
    assertThatThrownBy(() -> transactions.joinedRun(() -> insert(4)))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThat(rows(4)).isZero();
    assertThat(transactions.result(() -> transactions.joined(() -> 5))).isEqualTo(5);
  }

  @Test
  void readWorkCannotWrite() {
    assertThat(transactions.read(() -> rows(6))).isZero();
    assertThatThrownBy(
            () ->
                transactions.read(
                    () -> jdbc.sql("INSERT INTO transactions_probe VALUES (6)").update()))
        .isInstanceOf(DataAccessException.class);
    assertThat(rows(6)).isZero();
  }

  @Test
  void workUnderASavepointThatThrowsLeavesTheOuterWork() {
    transactions.run(
        () -> {
          insert(7);
          assertThatThrownBy(
                  () ->
                      transactions.savepoint(
                          () -> {
                            insert(8);
                            throw new IllegalStateException("refused under the savepoint");
                          }))
              .isInstanceOf(IllegalStateException.class);
          transactions.savepoint(() -> insert(9));
        });
    assertThat(rows(7)).isEqualTo(1);
    assertThat(rows(8)).isZero();
    assertThat(rows(9)).isEqualTo(1);
  }
}
