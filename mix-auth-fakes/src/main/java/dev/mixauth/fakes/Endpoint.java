package dev.mixauth.fakes;

/**
 * An endpoint of {@link FakeProviders}. Requests are counted and recorded per endpoint, and
 * failures are injected per endpoint.
 */
public enum Endpoint {
  /** {@code GET /anthropic/oauth/authorize}, the fake of claude.ai's authorize page. */
  ANTHROPIC_AUTHORIZE(Provider.ANTHROPIC, "GET", "/anthropic/oauth/authorize"),
  /** {@code POST /anthropic/v1/oauth/token}: code exchange and refresh. */
  ANTHROPIC_TOKEN(Provider.ANTHROPIC, "POST", "/anthropic/v1/oauth/token"),
  /** {@code GET /anthropic/v1/models}: the API key check. */
  ANTHROPIC_MODELS(Provider.ANTHROPIC, "GET", "/anthropic/v1/models"),
  /** {@code GET /openai/oauth/authorize}, the fake of auth.openai.com's sign-in. */
  OPENAI_AUTHORIZE(Provider.OPENAI, "GET", "/openai/oauth/authorize"),
  /** {@code POST /openai/oauth/token}: code exchange and refresh. */
  OPENAI_TOKEN(Provider.OPENAI, "POST", "/openai/oauth/token"),
  /** {@code POST /openai/oauth/revoke}: token revocation (RFC 7009). */
  OPENAI_REVOKE(Provider.OPENAI, "POST", "/openai/oauth/revoke"),
  /** {@code GET /openai/v1/models}: the API key check. */
  OPENAI_MODELS(Provider.OPENAI, "GET", "/openai/v1/models"),
  /** {@code GET /openrouter/api/v1/key}: the API key check. */
  OPENROUTER_KEY(Provider.OPENROUTER, "GET", "/openrouter/api/v1/key");

  private final Provider provider;
  private final String method;
  private final String path;

  Endpoint(Provider provider, String method, String path) {
    this.provider = provider;
    this.method = method;
    this.path = path;
  }

  public Provider provider() {
    return provider;
  }

  /** Returns the HTTP method, {@code GET} or {@code POST}. */
  public String method() {
    return method;
  }

  /** Returns the path on the fake server, starting with the provider's prefix. */
  public String path() {
    return path;
  }
}
