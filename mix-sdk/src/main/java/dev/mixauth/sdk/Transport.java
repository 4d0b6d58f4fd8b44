package dev.mixauth.sdk;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.sdk.errors.MixConnectionException;
import dev.mixauth.sdk.errors.MixInterruptedException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/** Sends the requests of all accessors: headers, timeout, retries, listener events, parsing. */
final class Transport {

  private static final String USER_AGENT = "mix-sdk-java";

  private final HttpClient httpClient;
  private final String serverUrl;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final RetryConfig retryConfig;
  private final MixListener listener;
  private final Clock clock;
  private final Executor executor;
  private final ObjectMapper mapper = Json.newMapper();
  private final ResponseReader reader = new ResponseReader(mapper);
  private final RetryLoop retryLoop;
  private final AtomicBoolean closed = new AtomicBoolean();

  Transport(
      HttpClient httpClient,
      String serverUrl,
      Map<String, String> headers,
      Duration timeout,
      RetryConfig retryConfig,
      MixListener listener,
      Executor executor,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier random) {
    this.httpClient = httpClient;
    this.serverUrl = serverUrl;
    this.headers = Map.copyOf(headers);
    this.timeout = timeout;
    this.retryConfig = retryConfig;
    this.listener = listener;
    this.executor = executor;
    this.clock = clock;
    this.retryLoop = new RetryLoop(clock, sleeper, random);
  }

  /** Returns the type that a response body of {@code type} is parsed as. */
  JavaType type(Class<?> type) {
    return mapper.getTypeFactory().constructType(type);
  }

  /** Returns the type {@code Map<String, valueType>}. */
  JavaType mapOf(Class<?> valueType) {
    return mapper.getTypeFactory().constructMapType(Map.class, String.class, valueType);
  }

  /** Returns {@code value} encoded for use as one path segment. */
  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Sends one call and parses its result.
   *
   * @param body the request body to serialise as JSON, or {@code null} for none
   * @param retryOverride the policy for this call, or {@code null} for the client's
   */
  <T> T call(
      Operation operation, String path, Object body, RetryConfig retryOverride, JavaType type) {
    if (closed.get()) {
      throw closedException();
    }

    RequestBody requestBody = RequestBody.of(mapper, body);
    HttpRequest request = buildRequest(operation, path, requestBody);
    RetryConfig policy = retryOverride == null ? retryConfig : retryOverride;
    AtomicInteger attempts = new AtomicInteger();

    HttpResponse<String> response;
    try {
      response =
          retryLoop.run(
              policy,
              number -> {
                attempts.set(number);
                return send(operation, path, request, requestBody, number);
              });
    } catch (IOException e) {
      throw new MixConnectionException(
          operation.name()
              + " failed: no response from "
              + request.uri()
              + " after "
              + attempts(attempts.get())
              + " ("
              + describe(e)
              + "). Check that the server at "
              + serverUrl
              + " is running and reachable.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MixInterruptedException(
          operation.name() + " was interrupted after " + attempts(attempts.get()), e);
    }

    return reader.read(operation, response, type, requestBody);
  }

  /**
   * Runs {@code call} on the client's executor. A closed client returns a future that failed with
   * {@link IllegalStateException}.
   */
  <T> CompletableFuture<T> async(Supplier<T> call) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(closedException());
    }
    try {
      return CompletableFuture.supplyAsync(call, executor);
    } catch (RejectedExecutionException e) {
      // close() shut the executor down after the check above, or a caller's executor is full.
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Rejects later calls. Calls already running finish. */
  void close() {
    closed.set(true);
  }

  private static IllegalStateException closedException() {
    return new IllegalStateException(
        "this Mix client is closed; create a new one to send requests");
  }

  private HttpRequest buildRequest(Operation operation, String path, RequestBody body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(serverUrl + path))
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT);
    if (timeout != null) {
      builder.timeout(timeout);
    }
    headers.forEach(builder::setHeader);

    if (body.json() == null) {
      builder.method(operation.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json");
      builder.method(
          operation.method(),
          HttpRequest.BodyPublishers.ofString(body.json(), StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  private HttpResponse<String> send(
      Operation operation, String path, HttpRequest request, RequestBody body, int attempt)
      throws IOException, InterruptedException {
    listener.onRequest(
        new MixListener.RequestEvent(
            operation.name(), operation.method(), path, attempt, body.redactedJson()));
    Instant started = clock.instant();

    HttpResponse<String> response;
    try {
      response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      listener.onResponse(
          new MixListener.ResponseEvent(
              operation.name(),
              operation.method(),
              path,
              attempt,
              0,
              Duration.between(started, clock.instant()),
              describe(e)));
      throw e;
    }

    listener.onResponse(
        new MixListener.ResponseEvent(
            operation.name(),
            operation.method(),
            path,
            attempt,
            response.statusCode(),
            Duration.between(started, clock.instant()),
            ""));
    return response;
  }

  private static String attempts(int count) {
    return count == 1 ? "1 attempt" : count + " attempts";
  }

  private static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }
}
