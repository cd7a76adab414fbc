import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/**
 * How fast this machine's CPU is right now, per CPU second of one thread (issue 16, eleventh pass):
 * the same fixed work measured before and after a benchmark phase tells a host that slowed the
 * virtual CPU down (a busy neighbour on the same physical core or cache, a lower clock) apart from
 * a change in Lectern. Two kinds of work: SHA-256 over a buffer that fits the cache (compute), and
 * a chain of dependent loads through 256 MiB (memory latency, as a JVM's heap walks). Without
 * performance counters in this virtual machine (perf: cycles "not supported"), this is the
 * measure. Run: java bench/registration/Calibrate.java
 */
public class Calibrate {
  public static void main(String[] args) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    byte[] block = new byte[1 << 20];
    new SplittableRandom(1).nextBytes(block);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < 64; i++) sha.update(block); // warm-up
    long c0 = mx.getCurrentThreadCpuTime();
    int mib = 400;
    for (int i = 0; i < mib; i++) sha.update(block);
    sha.digest();
    double shaSeconds = (mx.getCurrentThreadCpuTime() - c0) / 1e9;

    int n = 64 << 20; // 64 Mi ints = 256 MiB: one random cycle through all of them
    int[] next = new int[n];
    for (int i = 0; i < n; i++) next[i] = i;
    SplittableRandom r = new SplittableRandom(2);
    for (int i = n - 1; i > 0; i--) { // Sattolo: a single cycle
      int j = r.nextInt(i);
      int t = next[i]; next[i] = next[j]; next[j] = t;
    }
    int p = 0;
    for (int i = 0; i < 2_000_000; i++) p = next[p]; // warm-up
    int loads = 10_000_000;
    long c1 = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < loads; i++) p = next[p];
    double loadNanos = (mx.getCurrentThreadCpuTime() - c1) / (double) loads;
    System.out.printf(
        "calibration: SHA-256 %.0f MiB per CPU second, dependent load through 256 MiB %.1f ns (%d)%n",
        mib / shaSeconds, loadNanos, p & 1);
  }
}
