package dev.mixauth.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The fake OpenAI authorization server for ChatGPT sign-in.
 *
 * <p>The real sign-in (auth.openai.com) redirects the browser to the registered redirect URI, by
 * default {@code http://localhost:1455/auth/callback}, with {@code code} and {@code state}. This
 * fake approves at once and sends that redirect. The real token endpoint takes a form body without
 * {@code state} and responds with opaque access and refresh tokens plus an OpenID Connect {@code
 * id_token}. Revocation follows RFC 7009.
 */
final class OpenAiOAuth {

  private final AuthorizationServer server;
  private final IdTokens idTokens;

  OpenAiOAuth(AuthorizationServer server, IdTokens idTokens) {
    this.server = server;
    this.idTokens = idTokens;
  }

  /**
   * Handles {@code GET /openai/oauth/authorize}. It redirects with 302 to {@code
   * redirect_uri?code=…&state=…}, or 200 with that URL as text when the request accepts {@code
   * text/plain}.
   */
  void authorize(Context ctx) {
    Approval approval;
    try {
      approval = server.authorize(RequestBodies.singleValued(ctx.queryParamMap()));
    } catch (OAuthException e) {
      AuthorizeResponses.error(ctx, e);
      return;
    }

    String redirectUri = approval.request().redirectUri();
    String location =
        redirectUri
            + (redirectUri.contains("?") ? "&" : "?")
            + "code="
            + encode(approval.code())
            + "&state="
            + encode(approval.request().state());
    ctx.header("Cache-Control", "no-store");
    if (AuthorizeResponses.wantsPlainText(ctx)) {
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result(location);
    } else {
      ctx.status(302);
      ctx.header("Location", location);
    }

    Dispatcher.outcome(ctx, "code issued");
  }

  /** Handles {@code POST /openai/oauth/token} for code exchange and refresh. */
  void token(Context ctx) {
    Map<String, String> parameters =
        RequestBodies.parse(ctx.contentType(), ctx.body(), server.options().bodyFormat());
    TokenGrant grant = server.token(parameters);

    ObjectNode body = TokenResponses.standardFields(grant);
    if (grant.accessToken() != null) {
      body.put("id_token", idTokens.create(server.options().clientId(), grant.expiresIn()));
    }

    Json.respond(ctx, 200, body);
    Dispatcher.outcome(ctx, parameters.get("grant_type") + " granted");
  }

  /**
   * Handles {@code POST /openai/oauth/revoke}. The token is dead afterwards. The response is 200
   * with an empty body, also for an unknown token, as RFC 7009 section 2.2 requires.
   */
  void revoke(Context ctx) {
    Map<String, String> parameters =
        RequestBodies.parse(ctx.contentType(), ctx.body(), server.options().bodyFormat());
    server.revoke(parameters);

    ctx.status(200);
    Dispatcher.outcome(ctx, "revoked");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
