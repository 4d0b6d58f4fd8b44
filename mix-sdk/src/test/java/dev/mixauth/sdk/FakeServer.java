package dev.mixauth.sdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on an ephemeral loopback port that responds with canned responses in the order they
 * were queued and records every request it gets.
 */
final class FakeServer implements AutoCloseable {

  /** A request as the server received it. */
  record Request(String method, String path, Headers headers, String body) {}

  /** What the server does with the next request. */
  record Response(
      int status, String body, Map<String, String> headers, Duration delay, boolean drop) {

    Response withHeader(String name, String value) {
      Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Response(status, body, copy, delay, drop);
    }

    Response after(Duration delay) {
      return new Response(status, body, headers, delay, drop);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<Response> responses = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static FakeServer start() throws IOException {
    return new FakeServer();
  }

  /** Returns a JSON response with {@code status}. */
  static Response json(int status, String body) {
    return new Response(
        status, body, Map.of("Content-Type", "application/json"), Duration.ZERO, false);
  }

  /** Returns a response with {@code status}, {@code body} and the given content type. */
  static Response text(int status, String contentType, String body) {
    return new Response(status, body, Map.of("Content-Type", contentType), Duration.ZERO, false);
  }

  /** Returns the error envelope with {@code status}. */
  static Response error(int status, String type, String message) {
    return json(
        status,
        "{\"error\":{\"code\":"
            + status
            + ",\"message\":\""
            + message
            + "\",\"type\":\""
            + type
            + "\"}}");
  }

  /** Returns an action that closes the connection without sending a response. */
  static Response drop() {
    return new Response(0, "", Map.of(), Duration.ZERO, true);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeServer enqueue(Response... next) {
    responses.addAll(List.of(next));
    return this;
  }

  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  Request onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError(
          "expected exactly 1 request, got " + requests.size() + ": " + requests);
    }
    return requests.get(0);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestHeaders(),
            body));

    Response response = responses.poll();
    if (response == null) {
      response = error(418, "bad_request", "the fake server has no canned response left");
    }
    if (response.drop()) {
      // HttpServer closes the connection without a response when a handler throws.
      throw new IOException("closing the connection without a response, as queued");
    }
    if (!response.delay().isZero()) {
      try {
        Thread.sleep(response.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
        return;
      }
    }

    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
