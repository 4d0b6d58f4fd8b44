package dev.mixauth.server.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.mixauth.server.MixAuthServer;
import dev.mixauth.server.config.ServerConfig;
import dev.mixauth.server.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Measures requests per second of {@code GET /api/auth/status} on one replica on PostgreSQL and
 * one on SQLite, in one run on this machine. Both servers, the embedded PostgreSQL and the clients
 * share the machine's cores, so the numbers compare the two stores rather than rate the server.
 *
 * <p>Arguments: {@code [requests per server] [concurrent clients] [time limit in seconds per
 * server]}, by default 20000, 4 and 60. {@code bench/status-throughput.sh} builds and runs it.
 */
public final class StatusThroughput {
  private static final String KEY = "sk-or-v1-0123456789abcdef0123456789a9F2";
  private static final int WARMUP_REQUESTS = 30_000;
  /** Measured rounds per server, taken in turns, because the JIT and the machine drift during a run. */
  private static final int ROUNDS = 5;

  private StatusThroughput() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Duration limit = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
    // One log line per request would measure the console, not the server.
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("ROOT").setLevel(Level.WARN);

    Path sqliteDir = Files.createTempDirectory("mix-auth-bench-sqlite");
    Path postgresDir = Files.createTempDirectory("mix-auth-bench-postgres");
    Map<String, String> sqliteEnvironment = new HashMap<>();
    sqliteEnvironment.put("MIX_AUTH_API_TOKEN", TestPostgres.API_TOKEN);
    Map<String, String> postgresEnvironment = TestPostgres.teamEnvironment(TestPostgres.newDatabase());

    try (MixAuthServer sqlite = start(sqliteEnvironment, sqliteDir);
        MixAuthServer postgres = start(postgresEnvironment, postgresDir)) {
      HttpClient setup = HttpClient.newHttpClient();
      storeKey(setup, sqlite.port());
      storeKey(setup, postgres.port());
      run(sqlite.port(), WARMUP_REQUESTS, clients, limit);
      run(postgres.port(), WARMUP_REQUESTS, clients, limit);

      System.out.printf("GET /api/auth/status, %d requests per server and round from %d clients on loopback, %d cores%n",
          requests, clients, Runtime.getRuntime().availableProcessors());
      List<Double> sqliteRates = new ArrayList<>();
      List<Double> postgresRates = new ArrayList<>();
      for (int round = 1; round <= ROUNDS; round++) {
        // Both servers run the same HTTP code in this JVM, so the one measured second gains from
        // the other's JIT work. The order alternates to share that gain.
        Result sqliteResult;
        Result postgresResult;
        if (round % 2 == 1) {
          sqliteResult = run(sqlite.port(), requests, clients, limit);
          postgresResult = run(postgres.port(), requests, clients, limit);
        } else {
          postgresResult = run(postgres.port(), requests, clients, limit);
          sqliteResult = run(sqlite.port(), requests, clients, limit);
        }
        sqliteRates.add(sqliteResult.rate());
        postgresRates.add(postgresResult.rate());
        System.out.println("round " + round + " sqlite:     " + sqliteResult);
        System.out.println("round " + round + " postgresql: " + postgresResult);
      }
      System.out.printf("median sqlite:     %8.0f requests/s%n", median(sqliteRates));
      System.out.printf("median postgresql: %8.0f requests/s%n", median(postgresRates));
    } finally {
      deleteTree(sqliteDir);
      deleteTree(postgresDir);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static MixAuthServer start(Map<String, String> environment, Path dataDir) {
    ServerConfig config = ServerConfig.fromEnvironment(environment).withPort(0).withDataDir(dataDir);
    return MixAuthServer.start(config, Clock.systemUTC(), null);
  }

  private static void storeKey(HttpClient client, int port) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/api-key"))
            .header("Authorization", "Bearer " + TestPostgres.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"api_key\": \"" + KEY + "\", \"provider\": \"openrouter\"}"))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Storing the benchmark key failed with HTTP " + response.statusCode() + ": "
          + response.body());
    }
  }

  /** Sends {@code total} requests from {@code clients} threads, stopping early at {@code limit}. */
  private static Result run(int port, int total, int clients, Duration limit) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + port + "/api/auth/status");
    AtomicInteger remaining = new AtomicInteger(total);
    long deadline = System.nanoTime() + limit.toNanos();
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    List<Future<long[]>> perClient = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      perClient.add(threads.submit(() -> client(uri, remaining, deadline)));
    }
    List<Long> latencies = new ArrayList<>();
    for (Future<long[]> client : perClient) {
      Arrays.stream(client.get()).forEach(latencies::add);
    }
    long elapsed = System.nanoTime() - started;
    threads.shutdown();
    return new Result(latencies, elapsed, total);
  }

  /** Returns the latency in nanoseconds of each request this client sent. */
  private static long[] client(URI uri, AtomicInteger remaining, long deadline) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TestPostgres.API_TOKEN).GET().build();
    List<Long> latencies = new ArrayList<>();
    while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
      long sent = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      latencies.add(System.nanoTime() - sent);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET /api/auth/status failed with HTTP " + response.statusCode());
      }
    }
    return latencies.stream().mapToLong(Long::longValue).toArray();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private record Result(List<Long> latencies, long elapsedNanos, int requested) {
    double rate() {
      return latencies.size() / (elapsedNanos / 1e9);
    }

    @Override
    public String toString() {
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      String cut = sorted.length < requested ? " (stopped at the time limit)" : "";
      return String.format("%8.0f requests/s, %d requests in %.2f s%s, latency p50 %.2f ms, p99 %.2f ms",
          rate(), sorted.length, elapsedNanos / 1e9, cut, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double fraction) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] / 1e6;
    }
  }
}
