package dev.mixauth.it.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.mixauth.it.RunningServer;
import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.RetryConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Measures the time of one {@code getAuthStatus} call through the SDK next to a bare {@code
 * java.net.http.HttpClient} GET of the same endpoint, against one server in this JVM. The bare call
 * reads the body as a string and parses nothing, so the difference is the SDK's own cost: request
 * building, the retry loop, listener events and JSON parsing into records.
 *
 * <p>Each round makes one call of each kind, in alternating order, so that a drift in machine load
 * affects both. Run it with bench/sdk-latency.sh. Arguments: the number of measured calls of each
 * kind (default 2000) and of warm-up calls of each kind (default 500).
 */
public final class SdkLatency {

  private static final int DEFAULT_CALLS = 2000;
  private static final int DEFAULT_WARMUP_CALLS = 500;

  private SdkLatency() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_CALLS;
    int warmupCalls = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_WARMUP_CALLS;
    if (calls < 1 || warmupCalls < 0) {
      throw new IllegalArgumentException(
          "invalid arguments: CALLS must be at least 1 and WARMUP_CALLS at least 0, got "
              + calls
              + " and "
              + warmupCalls);
    }
    // The server logs every request at INFO, which would add a console write to each call.
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);

    Path dataDir = Files.createTempDirectory("mix-sdk-latency");
    try (RunningServer server = RunningServer.start(dataDir, Map.of());
        Mix mix = server.clientBuilder().retryConfig(RetryConfig.none()).build()) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(server.url() + "/api/auth/status"))
              .header("Accept", "application/json")
              .GET()
              .build();
      Runnable sdkCall = () -> mix.authentication().getAuthStatus();
      Runnable bareCall = () -> sendBare(http, request);

      double loadBefore = loadAverage();
      for (int i = 0; i < warmupCalls; i++) {
        sdkCall.run();
        bareCall.run();
      }

      long[] sdkNanos = new long[calls];
      long[] bareNanos = new long[calls];
      for (int i = 0; i < calls; i++) {
        if (i % 2 == 0) {
          sdkNanos[i] = time(sdkCall);
          bareNanos[i] = time(bareCall);
        } else {
          bareNanos[i] = time(bareCall);
          sdkNanos[i] = time(sdkCall);
        }
      }
      double loadAfter = loadAverage();

      System.out.printf(
          "GET /api/auth/status on %s: %d calls of each kind after %d warm-up calls of each%n",
          server.url(), calls, warmupCalls);
      System.out.printf("%-28s %10s %10s%n", "", "median", "p90");
      printRow("SDK getAuthStatus()", sdkNanos);
      printRow("bare HttpClient.send()", bareNanos);
      long difference = median(sdkNanos) - median(bareNanos);
      System.out.printf("%-28s %7.3f ms%n", "SDK minus bare (medians)", millis(difference));
      System.out.printf(
          "Java %s, %d CPUs, load average %.2f before and %.2f after%n",
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          loadBefore,
          loadAfter);
    } finally {
      deleteRecursively(dataDir);
    }
  }

  private static void sendBare(HttpClient http, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the bare GET /api/auth/status failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the bare GET /api/auth/status", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the bare GET /api/auth/status returned "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  private static long time(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return System.nanoTime() - start;
  }

  private static void printRow(String label, long[] nanos) {
    System.out.printf(
        "%-28s %7.3f ms %7.3f ms%n", label, millis(median(nanos)), millis(percentile(nanos, 0.90)));
  }

  private static long median(long[] nanos) {
    return percentile(nanos, 0.50);
  }

  /**
   * Returns the nearest-rank percentile: the smallest value that at least the share {@code p} of
   * all values is at or below.
   */
  private static long percentile(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  /** Returns the system load average of the last minute, or -1 where the OS does not report it. */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
        Files.delete(path);
      }
    }
  }
}
