package dev.mixauth.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The fake Anthropic authorization server for Claude Pro/Max sign-in.
 *
 * <p>The real authorize page (claude.ai) prompts the user to approve and then redirects to {@code
 * console.anthropic.com/oauth/code/callback}, a page that shows {@code code#state} for the user to
 * paste into the application. This fake approves at once and returns that page itself. The real
 * token endpoint takes a JSON body that repeats {@code state} and responds with {@code
 * sk-ant-oat01-} access tokens, {@code sk-ant-ort01-} refresh tokens, and the account and
 * organization.
 */
final class AnthropicOAuth {

  static final String ACCESS_TOKEN_PREFIX = "sk-ant-oat01-";
  static final String REFRESH_TOKEN_PREFIX = "sk-ant-ort01-";

  private final AuthorizationServer server;

  AnthropicOAuth(AuthorizationServer server) {
    this.server = server;
  }

  /**
   * Handles {@code GET /anthropic/oauth/authorize}. It responds with an HTML page that shows {@code
   * code#state}, or only that text when the request accepts {@code text/plain}.
   */
  void authorize(Context ctx) {
    Approval approval;
    try {
      approval = server.authorize(RequestBodies.singleValued(ctx.queryParamMap()));
    } catch (OAuthException e) {
      AuthorizeResponses.error(ctx, e);
      return;
    }

    String codeAndState = approval.code() + "#" + approval.request().state();
    ctx.header("Cache-Control", "no-store");
    if (AuthorizeResponses.wantsPlainText(ctx)) {
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result(codeAndState);
    } else {
      ctx.contentType("text/html; charset=utf-8");
      ctx.result(HtmlPages.authorizationCodePage(codeAndState));
    }

    Dispatcher.outcome(ctx, "code issued");
  }

  /** Handles {@code POST /anthropic/v1/oauth/token} for code exchange and refresh. */
  void token(Context ctx) {
    Map<String, String> parameters =
        RequestBodies.parse(ctx.contentType(), ctx.body(), server.options().bodyFormat());
    TokenGrant grant = server.token(parameters);

    ObjectNode body = TokenResponses.standardFields(grant);
    ObjectNode organization = body.putObject("organization");
    organization.put("uuid", FakeProviders.ANTHROPIC_ORGANIZATION_UUID);
    organization.put("name", "Fake Organization");
    ObjectNode account = body.putObject("account");
    account.put("uuid", FakeProviders.ANTHROPIC_ACCOUNT_UUID);
    account.put("email_address", FakeProviders.ACCOUNT_EMAIL);

    Json.respond(ctx, 200, body);
    Dispatcher.outcome(ctx, parameters.get("grant_type") + " granted");
  }
}
