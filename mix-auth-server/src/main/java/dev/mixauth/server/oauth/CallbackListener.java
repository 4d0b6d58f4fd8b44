package dev.mixauth.server.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mixauth.server.auth.Caller;
import dev.mixauth.server.errors.Failure;
import dev.mixauth.server.errors.MixAuthException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback listener that receives the browser's redirect after a ChatGPT sign-in, at the
 * registered redirect URI ({@code http://localhost:1455/auth/callback} by default). It runs only
 * while at least one such sign-in is pending, and closes once the last one completes or expires.
 */
public final class CallbackListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CallbackListener.class);
  private static final long IDLE_CHECK_SECONDS = 15;
  private static final long CLOSE_DELAY_MILLIS = 300;

  /** Completes a sign-in from the redirect's code and state. */
  public interface Completion {
    CompletedLogin complete(String code, String state, Caller caller);
  }

  private final String provider;
  private final URI redirectUri;
  private final List<HttpServer> servers = new ArrayList<>();
  private ScheduledExecutorService idleCheck;

  public CallbackListener(String provider, URI redirectUri) {
    this.provider = provider;
    this.redirectUri = redirectUri;
  }

  /**
   * Starts listening unless it already is.
   *
   * @param pending reports whether any sign-in still waits, so the listener can close when idle
   * @throws MixAuthException (invalid request) naming the port when another program holds it
   */
  public synchronized void open(Completion completion, BooleanSupplier pending) {
    if (!servers.isEmpty()) {
      return;
    }
    int port = redirectUri.getPort();
    HttpServer ipv4;
    try {
      ipv4 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    } catch (BindException e) {
      throw new MixAuthException(Failure.INVALID_REQUEST, portTakenMessage(port), e);
    } catch (IOException e) {
      throw new MixAuthException(Failure.INTERNAL, "Could not listen on 127.0.0.1:" + port + " for the sign-in redirect: "
          + e.getMessage(), e);
    }
    servers.add(ipv4);
    ipv6Loopback(port).ifPresent(servers::add);
    for (HttpServer server : servers) {
      server.createContext(redirectUri.getPath(), exchange -> handle(exchange, completion));
      server.start();
    }
    idleCheck = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mix-auth-callback-idle");
      thread.setDaemon(true);
      return thread;
    });
    idleCheck.scheduleWithFixedDelay(() -> closeNowIfIdle(pending), IDLE_CHECK_SECONDS, IDLE_CHECK_SECONDS, TimeUnit.SECONDS);
    log.info("Listening on 127.0.0.1:{} for the {} sign-in redirect", port, provider);
  }

  /**
   * Also listens on [::1], because browsers may resolve {@code localhost} to it first. Skipped
   * where the machine has no IPv6 loopback or the port is taken there.
   */
  private Optional<HttpServer> ipv6Loopback(int port) {
    try {
      return Optional.of(HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"), port), 16));
    } catch (IOException e) {
      log.info("Not listening on [::1]:{} for the {} sign-in redirect ({})", port, provider, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Closes the listener soon when no sign-in is pending any more. The check runs on the listener's
   * own thread after a short delay, so a redirect that is being handled still gets its page.
   */
  public synchronized void closeIfIdle(BooleanSupplier pending) {
    if (idleCheck != null) {
      idleCheck.schedule(() -> closeNowIfIdle(pending), CLOSE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void closeNowIfIdle(BooleanSupplier pending) {
    if (!servers.isEmpty() && !pending.getAsBoolean()) {
      close();
    }
  }

  public synchronized boolean isOpen() {
    return !servers.isEmpty();
  }

  @Override
  public synchronized void close() {
    if (servers.isEmpty()) {
      return;
    }
    servers.forEach(server -> server.stop(1));
    servers.clear();
    idleCheck.shutdownNow();
    idleCheck = null;
    log.info("Stopped listening for the {} sign-in redirect", provider);
  }

  private String portTakenMessage(int port) {
    return "Port " + port + " on 127.0.0.1, where the " + provider + " sign-in returns to " + redirectUri
        + ", is in use by another program (another sign-in tool may be waiting there). Stop that program and"
        + " start again, or start this server with MIX_AUTH_OPENAI_CALLBACK_LISTENER=disabled and paste the"
        + " address the browser ends on to POST /api/auth/oauth-callback.";
  }

  private void handle(HttpExchange exchange, Completion completion) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, Pages.failure("This address only receives the browser's sign-in redirect."));
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (query.containsKey("error")) {
        respond(exchange, 400, Pages.failure("The provider reported \"" + Pages.escape(query.get("error"))
            + "\" instead of signing you in. Start the sign-in again with mix-auth login " + provider + "."));
        return;
      }
      String client = exchange.getRemoteAddress().getAddress().getHostAddress();
      try {
        completion.complete(query.get("code"), query.get("state"), new Caller(client));
        respond(exchange, 200, Pages.success(provider));
      } catch (MixAuthException e) {
        int status = e.failure() == Failure.PROVIDER_UNAVAILABLE ? 502 : 400;
        respond(exchange, status, Pages.failure(Pages.escape(e.getMessage())));
      } catch (RuntimeException e) {
        log.error("The {} sign-in redirect failed", provider, e);
        respond(exchange, 500, Pages.failure("The sign-in failed inside mix-auth; see the server log."));
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        try {
          parameters.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          // A malformed escape leaves the parameter out; the sign-in then fails with a clear message.
        }
      }
    }
    return parameters;
  }

  /** The short pages the browser shows after the redirect. */
  static final class Pages {
    private Pages() {}

    static String success(String provider) {
      return page("Signed in", "mix-auth stored your " + escape(provider) + " sign-in. You can close this tab;"
          + " check with <code>mix-auth status</code>.");
    }

    static String failure(String message) {
      return page("Sign-in failed", message);
    }

    private static String page(String title, String message) {
      return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + " - mix-auth</title></head>"
          + "<body style=\"font-family:sans-serif;max-width:40em;margin:4em auto\"><h1>" + title + "</h1><p>"
          + message + "</p></body></html>";
    }

    static String escape(String text) {
      return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
  }
}
