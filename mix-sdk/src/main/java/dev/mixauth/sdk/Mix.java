package dev.mixauth.sdk;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * Client for the Mix authentication API.
 *
 * <pre>{@code
 * try (Mix mix = Mix.builder().serverUrl("http://localhost:8088").build()) {
 *   StoreApiKeyResponse res = mix.authentication().storeApiKey(key, Provider.OPENROUTER);
 * }
 * }</pre>
 *
 * <p>A client is thread-safe. Operations throw the unchecked exceptions of {@link
 * dev.mixauth.sdk.errors}. Each {@code …Async} method runs the blocking call on the client's
 * executor and completes its future with the result or with that exception.
 */
public final class Mix implements AutoCloseable {

  /** The server URL that {@link #create()} and an unset builder use. */
  public static final String DEFAULT_SERVER_URL = "http://localhost:8088";

  /** Default maximum time that one attempt waits for the response headers. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final Transport transport;
  private final ExecutorService ownedExecutor;
  private final Authentication authentication;
  private final Preferences preferences;
  private final Health health;

  private Mix(Transport transport, ExecutorService ownedExecutor) {
    this.transport = transport;
    this.ownedExecutor = ownedExecutor;
    this.authentication = new Authentication(transport);
    this.preferences = new Preferences(transport);
    this.health = new Health(transport);
  }

  /** Returns a builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Creates a client for {@value #DEFAULT_SERVER_URL} with every other setting at its default. */
  public static Mix create() {
    return builder().build();
  }

  /** Returns the operations that store, check and delete provider credentials. */
  public Authentication authentication() {
    return authentication;
  }

  /** Returns the operations on the user's provider and model preferences. */
  public Preferences preferences() {
    return preferences;
  }

  /** Returns the server's liveness check. */
  public Health health() {
    return health;
  }

  /**
   * Rejects later calls with {@link IllegalStateException} and shuts down the executor that the
   * client created for async calls. Calls already running finish. An executor or HTTP client passed
   * to the builder stays open.
   */
  @Override
  public void close() {
    transport.close();
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  /** Builder for {@link Mix}. */
  public static final class Builder {
    private String serverUrl = DEFAULT_SERVER_URL;
    private RetryConfig retryConfig = RetryConfig.defaults();
    private Duration timeout = DEFAULT_TIMEOUT;
    private HttpClient httpClient;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private MixListener listener = new MixListener() {};
    private ExecutorService executor;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * Sets the server's base URL, such as {@code http://localhost:8088}. A path, as in {@code
     * https://example.com/mix}, prefixes every request path.
     *
     * @throws IllegalArgumentException if the URL is not an absolute http or https URL
     */
    public Builder serverUrl(String serverUrl) {
      Objects.requireNonNull(serverUrl, "serverUrl");
      URI uri;
      try {
        uri = new URI(serverUrl);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("invalid server URL: " + serverUrl, e);
      }
      boolean http =
          "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (!http || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
        throw new IllegalArgumentException(
            "invalid server URL: "
                + serverUrl
                + ". Expected an http or https URL with a host, such as http://localhost:8088");
      }

      this.serverUrl =
          serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
      return this;
    }

    /** Sets the retry policy of every call. The default is {@link RetryConfig#defaults()}. */
    public Builder retryConfig(RetryConfig retryConfig) {
      this.retryConfig = Objects.requireNonNull(retryConfig, "retryConfig");
      return this;
    }

    /**
     * Sets the maximum time that one attempt waits for the response headers. The default is
     * {@link #DEFAULT_TIMEOUT}. An attempt that times out counts as a connection error.
     *
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the HTTP client to send requests with. By default the client builds one that speaks
     * HTTP/1.1, follows no redirects and waits at most 10 s to connect.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Adds a header to every request, such as {@code Authorization: Bearer …}. A second call with
     * the same name replaces the value. Header values never appear in listener events.
     *
     * @throws IllegalArgumentException if the JDK HTTP client rejects the name or value, as it does
     *     for {@code Host} or {@code Content-Length}
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      HttpRequest.newBuilder().header(name, value); // throws now instead of at the first call
      headers.put(name, value);
      return this;
    }

    /** Sets the listener that receives an event before and after every HTTP attempt. */
    public Builder listener(MixListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the executor that runs the {@code …Async} methods. By default the client creates a
     * cached pool of daemon threads, which {@link Mix#close()} shuts down. An executor set here is
     * not shut down by the client.
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Sets the clock for elapsed retry time, {@code Retry-After} dates and event durations. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets what waits between attempts. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Sets the source of values in [0, 1) that pick the jitter of each wait. */
    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Creates the client. */
    public Mix build() {
      HttpClient client = httpClient != null ? httpClient : defaultHttpClient();
      ExecutorService ownedExecutor = executor == null ? defaultExecutor() : null;
      ExecutorService asyncExecutor = executor == null ? ownedExecutor : executor;

      Transport transport =
          new Transport(
              client,
              serverUrl,
              headers,
              timeout,
              retryConfig,
              listener,
              asyncExecutor,
              clock,
              sleeper,
              random);
      return new Mix(transport, ownedExecutor);
    }

    private static HttpClient defaultHttpClient() {
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(CONNECT_TIMEOUT)
          .build();
    }

    private static ExecutorService defaultExecutor() {
      AtomicInteger count = new AtomicInteger();
      return Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "mix-sdk-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
    }
  }
}
