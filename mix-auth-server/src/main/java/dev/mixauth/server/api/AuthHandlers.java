package dev.mixauth.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.server.auth.Caller;
import dev.mixauth.server.auth.CredentialService;
import dev.mixauth.server.auth.ProviderInfo;
import dev.mixauth.server.auth.ProviderStatus;
import dev.mixauth.server.auth.StatusService;
import dev.mixauth.server.auth.Validation;
import dev.mixauth.server.oauth.CompletedLogin;
import dev.mixauth.server.oauth.OAuthFlowService;
import dev.mixauth.server.oauth.StartedFlow;
import io.javalin.http.Context;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The eight authentication operations: each handler parses, calls one service method, and maps. */
final class AuthHandlers {
  private final ObjectMapper json;
  private final CredentialService credentials;
  private final OAuthFlowService oauth;
  private final StatusService status;

  AuthHandlers(ObjectMapper json, CredentialService credentials, OAuthFlowService oauth, StatusService status) {
    this.json = json;
    this.credentials = credentials;
    this.oauth = oauth;
    this.status = status;
  }

  void storeApiKey(Context ctx) {
    JsonBody body = JsonBody.read(ctx, json, Set.of("api_key", "provider"));
    String provider = body.requiredString("provider");
    String key = body.requiredString("api_key");

    String hint = credentials.storeApiKey(provider, key, caller(ctx));
    ctx.json(Responses.ProviderOperation.success(provider, "Stored the " + provider + " API key " + hint + "."));
  }

  void setApiKey(Context ctx) {
    JsonBody body = JsonBody.read(ctx, json, Set.of("apiKey"));
    String key = body.requiredString("apiKey");

    credentials.setApiKey(key, caller(ctx));
    ctx.json(new Responses.SetApiKey(true));
  }

  void initiateLogin(Context ctx) {
    JsonBody.readEmpty(ctx, json);

    StartedFlow flow = oauth.start("anthropic", caller(ctx));
    ctx.json(new Responses.InitiateLogin(flow.authUrl()));
  }

  void oauthCallback(Context ctx) {
    JsonBody body = JsonBody.read(ctx, json, Set.of("provider", "code", "state"));
    String provider = body.requiredString("provider");
    String code = body.requiredString("code");
    String state = body.optionalString("state");

    CompletedLogin login = oauth.complete(provider, code, state, caller(ctx));
    ctx.json(new Responses.OAuthCallback("success", login.provider(), login.message(), login.expiresIn()));
  }

  void startOAuth(Context ctx) {
    JsonBody.readEmpty(ctx, json);

    StartedFlow flow = oauth.start(ctx.pathParam("provider"), caller(ctx));
    ctx.json(new Responses.StartOAuth(flow.authUrl(), flow.state(), flow.message()));
  }

  void status(Context ctx) {
    Map<String, Responses.ProviderEntry> providers = new LinkedHashMap<>();
    for (ProviderStatus entry : status.statusAll()) {
      ProviderInfo provider = entry.provider();
      providers.put(
          provider.id(),
          new Responses.ProviderEntry(
              entry.authenticated(),
              entry.method().wire(),
              provider.displayName(),
              entry.source() == null ? null : entry.source().wire(),
              entry.keyHint(),
              entry.expiresAt() == null ? null : entry.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString()));
    }
    ctx.json(new Responses.AuthStatus(providers));
  }

  void validate(Context ctx) {
    Validation validation = status.validatePreferred();
    ctx.json(new Responses.Validate(
        validation.valid(), validation.provider(), validation.method().wire(), validation.message()));
  }

  void delete(Context ctx) {
    String provider = ctx.pathParam("provider");

    String message = credentials.delete(provider, caller(ctx));
    ctx.json(Responses.ProviderOperation.success(provider, message));
  }

  static Caller caller(Context ctx) {
    return new Caller(ctx.ip());
  }
}
