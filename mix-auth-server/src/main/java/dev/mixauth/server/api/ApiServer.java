package dev.mixauth.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.audit.AuditLog;
import dev.mixauth.server.auth.CredentialService;
import dev.mixauth.server.auth.PreferencesService;
import dev.mixauth.server.auth.ProviderRegistry;
import dev.mixauth.server.auth.StatusService;
import dev.mixauth.server.errors.MixAuthException;
import dev.mixauth.server.oauth.OAuthFlowService;
import dev.mixauth.server.oauth.RefreshScheduler;
import dev.mixauth.server.oauth.TokenHealth;
import dev.mixauth.server.vault.Secret;
import dev.mixauth.server.vault.StoreException;
import dev.mixauth.server.vault.VaultException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API: routes, the request guard, request logging and error mapping. */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  private static final Logger requests = LoggerFactory.getLogger("dev.mixauth.server.requests");

  /** The services and settings the routes need. */
  public record Dependencies(
      ObjectMapper json,
      ProviderRegistry registry,
      CredentialService credentials,
      OAuthFlowService oauth,
      StatusService status,
      PreferencesService preferences,
      TokenHealth tokenHealth,
      RefreshScheduler refreshScheduler,
      AuditLog audit,
      Clock clock,
      String version,
      List<String> allowedHosts,
      List<String> allowedOrigins,
      Optional<Secret> apiToken) {}

  private final Javalin app;

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /** Starts listening on {@code host:port}; port 0 picks a free port. */
  public static ApiServer start(Dependencies deps, String host, int port) {
    ErrorResponses errors = new ErrorResponses(deps.json(), new RejectionAudit(deps.audit(), deps.clock()));
    RequestGuard guard = new RequestGuard(deps.allowedHosts(), deps.allowedOrigins(), deps.apiToken(), deps.audit(), deps.clock());
    AuthHandlers auth = new AuthHandlers(deps.json(), deps.credentials(), deps.oauth(), deps.status());
    PreferenceHandlers preferences = new PreferenceHandlers(deps.json(), deps.preferences(), deps.registry());
    SystemHandlers system =
        new SystemHandlers(deps.json(), deps.clock(), deps.version(), deps.tokenHealth(), deps.refreshScheduler());

    Javalin app =
        Javalin.create(
            config -> {
              config.jetty.host = host;
              config.jetty.port = port;
              if (alsoIpv6Loopback(host, port)) {
                // Javalin opens no default connector once one is added, so both are added here.
                config.jetty.addConnector((server, http) -> connector(server, http, host, port));
                config.jetty.addConnector((server, http) -> connector(server, http, "::1", port));
              }
              config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(deps.json())));
              config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrors(deps.json())));
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.prefer405over404 = true;
              config.http.maxRequestSize = JsonBody.MAX_BYTES;
              config.http.defaultContentType = "application/json; charset=utf-8";
              config.jsonMapper(new JavalinJackson(deps.json(), false));
              config.requestLogger.http(
                  (ctx, ms) -> requests.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));

              config.routes.before(guard::check);

              config.routes.post("/api/auth/api-key", auth::storeApiKey);
              config.routes.post("/api/auth/apikey", auth::setApiKey);
              config.routes.post("/api/auth/login", auth::initiateLogin);
              config.routes.post("/api/auth/oauth-callback", auth::oauthCallback);
              config.routes.post("/api/auth/oauth/{provider}", auth::startOAuth);
              config.routes.get("/api/auth/status", auth::status);
              config.routes.get("/api/auth/validate", auth::validate);
              config.routes.delete("/api/auth/{provider}", auth::delete);

              config.routes.get("/api/preferences", preferences::get);
              config.routes.post("/api/preferences", preferences::update);
              config.routes.get("/api/preferences/providers", preferences::providers);
              config.routes.post("/api/preferences/reset", preferences::reset);

              config.routes.get("/health", system::health);
              config.routes.get("/health/auth", system::tokenHealth);
              config.routes.get("/openapi.yaml", system::openApi);
              config.routes.post("/internal/auth/refresh-tokens", system::refreshTokens);

              config.routes.exception(ApiError.class, errors::apiError);
              config.routes.exception(MixAuthException.class, errors::serviceFailure);
              config.routes.exception(StoreException.class, errors::storeFailure);
              config.routes.exception(VaultException.class, errors::vaultFailure);
              config.routes.exception(HttpResponseException.class,
                  (e, ctx) -> errors.write(ctx, e.getStatus(), errorType(e.getStatus()), httpMessage(e, ctx)));
              config.routes.exception(Exception.class, errors::unexpected);

              config.routes.error(404, "*", ctx -> {
                if (ctx.attribute(ErrorResponses.WRITTEN) == null) {
                  errors.write(ctx, 404, ErrorType.NOT_FOUND, notFound(ctx));
                }
              });
              config.routes.error(405, "*", ctx -> {
                if (ctx.attribute(ErrorResponses.WRITTEN) == null) {
                  errors.write(ctx, 405, ErrorType.BAD_REQUEST, notAllowed(ctx));
                }
              });
            });
    app.start();
    log.info("Listening on http://{}:{}", host, app.port());
    return new ApiServer(app);
  }

  private static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  /**
   * Decides whether to listen on ::1 as well, because clients that resolve {@code localhost} to ::1 first
   * would otherwise fail to connect. Only for the default IPv4 loopback on a fixed port, and only
   * where the machine has IPv6 loopback and the port is free there.
   */
  private static boolean alsoIpv6Loopback(String host, int port) {
    if (!host.equals("127.0.0.1") || port == 0) {
      return false;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), port));
      return true;
    } catch (IOException e) {
      log.info("Not listening on [::1]:{} ({}); IPv4 loopback only", port, e.getMessage());
      return false;
    }
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private static String notFound(Context ctx) {
    return "No endpoint at " + ctx.method() + " " + ctx.path() + "; GET /openapi.yaml lists the API.";
  }

  private static String notAllowed(Context ctx) {
    return ctx.method() + " is not allowed on " + ctx.path() + "; GET /openapi.yaml lists the methods of each path.";
  }

  private static ErrorType errorType(int status) {
    return switch (status) {
      case 401 -> ErrorType.UNAUTHORIZED;
      case 404 -> ErrorType.NOT_FOUND;
      default -> status >= 500 ? ErrorType.INTERNAL_ERROR : ErrorType.BAD_REQUEST;
    };
  }

  private static String httpMessage(HttpResponseException e, Context ctx) {
    switch (e.getStatus()) {
      case 404:
        return notFound(ctx);
      case 405:
        return notAllowed(ctx);
      case 413:
        return "The request body is larger than the limit of " + JsonBody.MAX_BYTES + " bytes.";
      default:
        break;
    }
    return e.getMessage() == null || e.getMessage().isBlank() ? "The request was rejected (HTTP " + e.getStatus() + ")." : e.getMessage();
  }
}
