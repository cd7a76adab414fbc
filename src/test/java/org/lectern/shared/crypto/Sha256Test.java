package org.lectern.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** SHA-256 with one digest per thread: the known answers, one after another and in parallel. */
class Sha256Test {

  static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void givesTheKnownAnswersOneAfterAnother() {
    assertThat(Sha256.hex("abc")).isEqualTo(ABC);
    assertThat(Sha256.hex("")).isEqualTo(EMPTY);
    assertThat(Sha256.hex("abc")).isEqualTo(ABC);
    assertThat(Sha256.bytes(new byte[0])).hasSize(32);
  }

  @Test
  void givesTheKnownAnswersOnManyThreadsAtOnce() throws Exception {
    var pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String text = i % 2 == 0 ? "abc" : "";
        String expected = i % 2 == 0 ? ABC : EMPTY;
        tasks.add(
            () -> {
              for (int k = 0; k < 500; k++) {
                if (!Sha256.hex(text).equals(expected)) {
                  return false;
                }
              }
              return true;
            });
      }
      for (var f : pool.invokeAll(tasks)) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
