package dev.mixauth.fakes;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fake Anthropic, OpenAI and OpenRouter servers on one loopback port, for tests and local demos of
 * mix-auth, whose real providers cannot be reached from a test machine.
 *
 * <p>Each provider lives under its own path prefix, and the URL accessors return the values to put
 * in mix-auth's provider settings:
 *
 * <ul>
 *   <li>Anthropic ({@code /anthropic}), Claude Pro/Max sign-in. The authorize endpoint approves at
 *       once and responds with a page that shows {@code CODE#STATE} to paste, as Anthropic's
 *       callback page does, or with only that text for {@code Accept: text/plain}. The token
 *       endpoint takes a JSON body that repeats {@code state}, and returns {@code sk-ant-oat01-}
 *       access tokens, {@code sk-ant-ort01-} refresh tokens and an {@code account} object. {@code
 *       GET /v1/models} checks API keys.
 *   <li>OpenAI ({@code /openai}), ChatGPT sign-in. The authorize endpoint approves at once and
 *       redirects (302) to {@code redirect_uri?code=CODE&state=STATE}, or returns that URL as text
 *       for {@code Accept: text/plain}. The token endpoint takes a form body without {@code state}
 *       and returns opaque tokens plus an {@code id_token} JWT, signed with HS256 and a fixed fake
 *       key. The revoke endpoint follows RFC 7009. {@code GET /v1/models} checks API keys.
 *   <li>OpenRouter ({@code /openrouter}): {@code GET /api/v1/key} checks API keys.
 * </ul>
 *
 * <p>The fakes follow the real providers' rules where they are known: PKCE with S256 only,
 * single-use codes valid for 10 minutes, rotating single-use refresh tokens, and the providers'
 * error bodies. Tests can inject failures per endpoint, read what each endpoint received, and
 * change settings through {@link #anthropicOptions()} and {@link #openAiOptions()}. All methods are
 * safe to call from several threads.
 *
 * <pre>{@code
 * try (FakeProviders fake = FakeProviders.start()) {
 *   fake.acceptApiKey("anthropic", "sk-ant-api03-test");
 *   fake.failNext(Endpoint.OPENAI_TOKEN, Failure.emptyServerError());
 *   // point the server under test at fake.anthropicApiUrl(), fake.openAiTokenUrl(), ...
 * }
 * }</pre>
 */
public final class FakeProviders implements AutoCloseable {

  /** Client id of Anthropic's public OAuth client, the default of the Anthropic fake. */
  public static final String ANTHROPIC_CLIENT_ID = "9d1c250a-e61b-44d9-88ed-5944d1962f5e";

  /** Anthropic's registered redirect URI, a page that shows {@code code#state} to paste. */
  public static final String ANTHROPIC_REDIRECT_URI =
      "https://console.anthropic.com/oauth/code/callback";

  /** Client id of OpenAI's public OAuth client for ChatGPT sign-in. */
  public static final String OPENAI_CLIENT_ID = "app_EMoamEEZ73f0CkXaXp7hrann";

  /** OpenAI's registered redirect URI, on which the signing-in application itself listens. */
  public static final String OPENAI_REDIRECT_URI = "http://localhost:1455/auth/callback";

  /** E-mail address of the fake account, in Anthropic token responses and OpenAI ID tokens. */
  public static final String ACCOUNT_EMAIL = "fake.user@example.com";

  /** {@code account.uuid} in Anthropic token responses. */
  public static final String ANTHROPIC_ACCOUNT_UUID = "6f1c3e0a-5b7d-4c2e-9a41-2f8d0b6e7c15";

  /** {@code organization.uuid} in Anthropic token responses. */
  public static final String ANTHROPIC_ORGANIZATION_UUID = "0d9b2a47-1e6c-4f83-b5a2-7c4e9f1d3a60";

  /** {@code chatgpt_account_id} in OpenAI ID tokens. */
  public static final String OPENAI_ACCOUNT_ID = "3b8f1d2e-7a64-4c9b-8e05-1a2f6d9c4b71";

  /** {@code sub} and {@code chatgpt_user_id} in OpenAI ID tokens. */
  public static final String OPENAI_USER_ID = "user-FakeUser0000000000000";

  /**
   * Default access token lifetime of the Anthropic fake: 8 hours, the {@code expires_in} of 28800
   * that public clients report from Anthropic's token endpoint.
   */
  public static final Duration ANTHROPIC_DEFAULT_EXPIRES_IN = Duration.ofHours(8);

  /**
   * Default access token lifetime of the OpenAI fake.
   *
   * <p>NOTE: 1 hour is a choice, not a measured value of auth.openai.com. Tests that depend on the
   * lifetime should set it with {@link OAuthOptions#expiresIn(Duration)}.
   */
  public static final Duration OPENAI_DEFAULT_EXPIRES_IN = Duration.ofHours(1);

  static final String HOST = "127.0.0.1";

  private final Javalin app;
  private final String baseUrl;
  private final OAuthOptions anthropicOptions;
  private final OAuthOptions openAiOptions;
  private final AuthorizationServer anthropic;
  private final AuthorizationServer openAi;
  private final ApiKeys apiKeys = new ApiKeys();
  private final RequestJournal journal = new RequestJournal();
  private final FailurePlan failures = new FailurePlan();

  private FakeProviders(int port, Clock clock) {
    anthropicOptions =
        new OAuthOptions(
            ANTHROPIC_CLIENT_ID,
            ANTHROPIC_REDIRECT_URI,
            BodyFormat.JSON,
            ANTHROPIC_DEFAULT_EXPIRES_IN);
    openAiOptions =
        new OAuthOptions(
            OPENAI_CLIENT_ID, OPENAI_REDIRECT_URI, BodyFormat.FORM, OPENAI_DEFAULT_EXPIRES_IN);

    anthropic =
        new AuthorizationServer(
            OAuthProfile.ANTHROPIC,
            anthropicOptions,
            new TokenStore(
                AnthropicOAuth.ACCESS_TOKEN_PREFIX, AnthropicOAuth.REFRESH_TOKEN_PREFIX, clock),
            clock);
    openAi =
        new AuthorizationServer(
            OAuthProfile.OPENAI, openAiOptions, new TokenStore("", "", clock), clock);

    Routes routes =
        new Routes(
            new Dispatcher(journal, failures),
            new AnthropicOAuth(anthropic),
            new OpenAiOAuth(openAi, new IdTokens(clock)),
            new AnthropicApi(apiKeys),
            new OpenAiApi(apiKeys),
            new OpenRouterApi(apiKeys));
    app = routes.start(HOST, port);
    baseUrl = "http://" + HOST + ":" + app.port();
  }

  /** Starts the fakes on an ephemeral loopback port. */
  public static FakeProviders start() {
    return builder().start();
  }

  /** Starts the fakes on the given loopback port, or an ephemeral one for 0. */
  public static FakeProviders start(int port) {
    return builder().port(port).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options for starting {@link FakeProviders}. */
  public static final class Builder {
    private int port;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the port on 127.0.0.1. The default, 0, picks an ephemeral port.
     *
     * @throws IllegalArgumentException if the port is outside 0 to 65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port + ".");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the clock for code expiry, access token expiry and ID token times. The default is the
     * system clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Starts the server and returns it once it accepts connections. */
    public FakeProviders start() {
      return new FakeProviders(port, clock);
    }
  }

  /** Returns {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return app.port();
  }

  /** Returns the URL of an endpoint on this server. */
  public String url(Endpoint endpoint) {
    return baseUrl + endpoint.path();
  }

  public String anthropicAuthorizeUrl() {
    return url(Endpoint.ANTHROPIC_AUTHORIZE);
  }

  public String anthropicTokenUrl() {
    return url(Endpoint.ANTHROPIC_TOKEN);
  }

  /** Returns the Anthropic API base URL, to which {@code /v1/models} is appended. */
  public String anthropicApiUrl() {
    return baseUrl + "/anthropic";
  }

  public String openAiAuthorizeUrl() {
    return url(Endpoint.OPENAI_AUTHORIZE);
  }

  public String openAiTokenUrl() {
    return url(Endpoint.OPENAI_TOKEN);
  }

  public String openAiRevokeUrl() {
    return url(Endpoint.OPENAI_REVOKE);
  }

  /** Returns the OpenAI API base URL, to which {@code /v1/models} is appended. */
  public String openAiApiUrl() {
    return baseUrl + "/openai";
  }

  /** Returns the OpenRouter API base URL, to which {@code /api/v1/key} is appended. */
  public String openRouterApiUrl() {
    return baseUrl + "/openrouter";
  }

  /** Returns the live settings of the Anthropic authorization server. */
  public OAuthOptions anthropicOptions() {
    return anthropicOptions;
  }

  /** Returns the live settings of the OpenAI authorization server. */
  public OAuthOptions openAiOptions() {
    return openAiOptions;
  }

  /**
   * Makes the provider's key-check endpoint accept the key. Every other key is rejected with 401.
   *
   * @param provider {@code anthropic}, {@code openai} or {@code openrouter}
   * @throws IllegalArgumentException for another provider or a blank key
   */
  public void acceptApiKey(String provider, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("API key must not be blank.");
    }
    apiKeys.accept(Provider.fromId(provider), key);
  }

  /** Returns how many keys the provider's key-check endpoint accepts. */
  public int acceptedApiKeyCount(Provider provider) {
    return apiKeys.count(provider);
  }

  /** Queues a failure for the endpoint's next request. Queued failures apply in order. */
  public void failNext(Endpoint endpoint, Failure failure) {
    failures.failNext(Objects.requireNonNull(endpoint), Objects.requireNonNull(failure));
  }

  /** Applies the failure to every request of the endpoint that no queued failure takes. */
  public void failAlways(Endpoint endpoint, Failure failure) {
    failures.failAlways(Objects.requireNonNull(endpoint), Objects.requireNonNull(failure));
  }

  /** Removes all queued and standing failures. */
  public void clearFailures() {
    failures.clear();
  }

  /** Returns how many requests reached the endpoint, including those that got a failure. */
  public int requestCount(Endpoint endpoint) {
    return journal.count(endpoint);
  }

  /** Returns the endpoint's requests in arrival order. */
  public List<RecordedRequest> requests(Endpoint endpoint) {
    return journal.all(endpoint);
  }

  /** Returns the endpoint's latest request, or empty if it had none. */
  public Optional<RecordedRequest> lastRequest(Endpoint endpoint) {
    return journal.last(endpoint);
  }

  /**
   * Returns how many authorization codes the provider exchanged for tokens.
   *
   * @throws IllegalArgumentException for OpenRouter, which has no OAuth fake
   */
  public int successfulExchanges(Provider provider) {
    return authorizationServer(provider).successfulExchanges();
  }

  /**
   * Returns how many refresh requests the provider granted.
   *
   * @throws IllegalArgumentException for OpenRouter, which has no OAuth fake
   */
  public int successfulRefreshes(Provider provider) {
    return authorizationServer(provider).successfulRefreshes();
  }

  /** Makes every code issued so far expired, as if its 10 minutes had passed. */
  public void expireCodes() {
    anthropic.expireCodes();
    openAi.expireCodes();
  }

  /** Returns whether the refresh token was issued here and is neither spent nor revoked. */
  public boolean isRefreshTokenLive(String refreshToken) {
    return anthropic.tokens().isRefreshTokenLive(refreshToken)
        || openAi.tokens().isRefreshTokenLive(refreshToken);
  }

  /** Returns whether the access token was issued here and is neither expired nor revoked. */
  public boolean isAccessTokenLive(String accessToken) {
    return anthropic.tokens().isAccessTokenLive(accessToken)
        || openAi.tokens().isAccessTokenLive(accessToken);
  }

  /**
   * Issues a live token pair without the sign-in flow, for tests that seed a stored credential. It
   * does not count as an exchange.
   *
   * @throws IllegalArgumentException for OpenRouter, which has no OAuth fake
   */
  public IssuedTokens issueTokens(Provider provider) {
    return authorizationServer(provider).issueTokens();
  }

  /**
   * Restores the state of a new server: default options, no accepted keys, no failures, no codes or
   * tokens, and zero counts.
   */
  public void reset() {
    anthropicOptions.reset();
    openAiOptions.reset();
    anthropic.clear();
    openAi.clear();
    apiKeys.clear();
    failures.clear();
    journal.clear();
  }

  /** Stops the server. Requests in progress, such as slow failures, are cut off. */
  @Override
  public void close() {
    app.stop();
  }

  @Override
  public String toString() {
    return "FakeProviders[" + baseUrl + "]";
  }

  private AuthorizationServer authorizationServer(Provider provider) {
    switch (provider) {
      case ANTHROPIC:
        return anthropic;
      case OPENAI:
        return openAi;
      default:
        throw new IllegalArgumentException(
            "Provider " + provider.id() + " has no OAuth fake; use anthropic or openai.");
    }
  }
}
