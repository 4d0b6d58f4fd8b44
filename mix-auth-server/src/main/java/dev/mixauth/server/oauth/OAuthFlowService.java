package dev.mixauth.server.oauth;

import dev.mixauth.server.audit.AuditLog;
import dev.mixauth.server.auth.Caller;
import dev.mixauth.server.auth.CredentialIndex;
import dev.mixauth.server.auth.ProviderInfo;
import dev.mixauth.server.auth.ProviderRegistry;
import dev.mixauth.server.config.OAuthSettings;
import dev.mixauth.server.errors.Failure;
import dev.mixauth.server.errors.MixAuthException;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialVault;
import dev.mixauth.server.vault.OAuthTokens;
import dev.mixauth.server.vault.PendingFlow;
import dev.mixauth.server.vault.Secret;
import dev.mixauth.server.vault.StoredCredential;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts OAuth sign-ins with PKCE (S256) and completes them. A pending sign-in lives in the store,
 * keyed by the hash of its own random state, expires after ten minutes and completes at most once.
 */
public final class OAuthFlowService {
  public static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(OAuthFlowService.class);

  private final ProviderRegistry registry;
  private final Function<String, Optional<OAuthSettings>> settings;
  private final CredentialVault vault;
  private final CredentialIndex index;
  private final TokenEndpoint tokens;
  private final AuditLog audit;
  private final Clock clock;
  private final int maxPendingFlows;
  private final Map<String, CallbackListener> listeners;
  private final Map<String, Object> completionLocks = new ConcurrentHashMap<>();

  public OAuthFlowService(
      ProviderRegistry registry,
      Function<String, Optional<OAuthSettings>> settings,
      CredentialVault vault,
      CredentialIndex index,
      TokenEndpoint tokens,
      AuditLog audit,
      Clock clock,
      int maxPendingFlows,
      Map<String, CallbackListener> listeners) {
    this.registry = registry;
    this.settings = settings;
    this.vault = vault;
    this.index = index;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
    this.maxPendingFlows = maxPendingFlows;
    this.listeners = Map.copyOf(listeners);
  }

  /**
   * Starts a sign-in and stores its pending flow.
   *
   * @throws MixAuthException (invalid request) for a provider without OAuth, or one whose sign-in
   *     is turned off; (limit reached) when too many sign-ins are pending
   */
  public StartedFlow start(String providerId, Caller caller) {
    ProviderInfo provider = registry.require(providerId, "provider");
    OAuthSettings oauth = enabledSettings(provider);
    Instant now = clock.instant();

    int swept = vault.store().deleteExpiredFlows(now);
    if (swept > 0) {
      log.info("Removed {} expired sign-ins", swept);
    }
    int pending = vault.store().countPendingFlows(provider.id(), now);
    if (pending >= maxPendingFlows) {
      audit.record("start_login", provider.id(), "rejected", caller.address(), "too many pending sign-ins");
      throw new MixAuthException(
          Failure.LIMIT_REACHED,
          "There are already " + pending + " unfinished " + provider.displayName() + " sign-ins, the maximum."
              + " Finish one, or wait up to " + FLOW_LIFETIME.toMinutes() + " minutes for them to expire.",
          Duration.ofSeconds(60),
          null);
    }

    CallbackListener listener = listeners.get(provider.id());
    if (listener != null) {
      listener.open((code, state, browser) -> complete(provider.id(), code, state, browser),
          () -> hasPending(provider.id()));
    }

    Secret verifier = Pkce.newVerifier();
    String state = oauth.stateIsVerifier() ? verifier.reveal() : Pkce.newState();
    String stateHash = Pkce.sha256Hex(state);
    Instant expiresAt = now.plus(FLOW_LIFETIME);
    vault.store().insertFlow(
        new PendingFlow(
            stateHash, provider.id(), vault.sealVerifier(stateHash, verifier), oauth.redirectUri(), now,
            expiresAt, PendingFlow.PENDING, null));

    String url = authorizationUrl(oauth, Pkce.challenge(verifier), state);
    audit.record("start_login", provider.id(), "success", caller.address(), null);
    return new StartedFlow(provider.id(), url, state, expiresAt, nextStep(provider, oauth, listener != null));
  }

  /**
   * Completes a sign-in: checks the state, exchanges the code and stores the tokens.
   *
   * @throws MixAuthException (invalid request) for an unknown, expired, used or foreign state and
   *     a refused code; (provider unavailable) when the provider gives no usable response, in which
   *     case the flow stays usable
   */
  public CompletedLogin complete(String providerId, String codeField, String stateField, Caller caller) {
    ProviderInfo provider = registry.require(providerId, "provider");
    OAuthSettings oauth = settingsOf(provider);
    CallbackInput input = CallbackInput.parse(codeField, stateField);
    String stateHash = Pkce.sha256Hex(input.state());

    Object lock = completionLocks.computeIfAbsent(stateHash, hash -> new Object());
    try {
      synchronized (lock) {
        return completeLocked(provider, oauth, input, stateHash, caller);
      }
    } finally {
      completionLocks.remove(stateHash, lock);
      CallbackListener listener = listeners.get(provider.id());
      if (listener != null) {
        listener.closeIfIdle(() -> hasPending(provider.id()));
      }
    }
  }

  private boolean hasPending(String provider) {
    return vault.store().countPendingFlows(provider, clock.instant()) > 0;
  }

  private CompletedLogin completeLocked(
      ProviderInfo provider, OAuthSettings oauth, CallbackInput input, String stateHash, Caller caller) {
    Instant now = clock.instant();
    PendingFlow flow =
        vault.store().findFlow(stateHash).orElseThrow(() -> rejected(provider, caller,
            "The state does not belong to any sign-in started here; start a new sign-in with POST"
                + " /api/auth/oauth/" + provider.id() + "."));
    if (!flow.provider().equals(provider.id())) {
      throw rejected(provider, caller,
          "The state belongs to a " + flow.provider() + " sign-in, not " + provider.id()
              + "; send the callback with provider \"" + flow.provider() + "\".");
    }
    String codeHash = Pkce.sha256Hex(input.code().reveal());
    if (PendingFlow.COMPLETED.equals(flow.status())) {
      return repeatedCallback(provider, flow, codeHash, now, caller);
    }
    if (PendingFlow.REJECTED.equals(flow.status())) {
      throw rejected(provider, caller,
          "This sign-in was already used: the provider rejected its code. Start a new sign-in with POST"
              + " /api/auth/oauth/" + provider.id() + ".");
    }
    if (flow.isExpired(now)) {
      long minutes = Duration.between(flow.expiresAt(), now).toMinutes();
      throw rejected(provider, caller,
          "This sign-in expired " + (minutes < 1 ? "less than a minute" : minutes + " minutes") + " ago (sign-ins"
              + " last " + FLOW_LIFETIME.toMinutes() + " minutes); start a new one with POST /api/auth/oauth/"
              + provider.id() + ".");
    }

    Secret verifier = vault.openVerifier(flow);
    TokenResult result;
    try {
      result = tokens.exchange(oauth, input.code(), verifier, input.state());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MixAuthException(Failure.PROVIDER_UNAVAILABLE, "The sign-in was interrupted; retry the request.", e);
    }
    return handleExchange(provider, flow, codeHash, result, now, caller);
  }

  private CompletedLogin handleExchange(
      ProviderInfo provider, PendingFlow flow, String codeHash, TokenResult result, Instant now, Caller caller) {
    if (result instanceof TokenResult.Refused refused) {
      vault.store().rejectFlow(flow.stateHash());
      audit.record("login", provider.id(), "rejected", caller.address(), refused.error());
      throw MixAuthException.invalid(
          provider.displayName() + " rejected the authorization code (" + refused.error()
              + (refused.description() == null ? "" : ": " + refused.description())
              + "). Codes work once and expire quickly; start a new sign-in with POST /api/auth/oauth/"
              + provider.id() + ".");
    }
    if (result instanceof TokenResult.Unavailable unavailable) {
      audit.record("login", provider.id(), "provider_unavailable", caller.address(), unavailable.reason());
      throw new MixAuthException(
          Failure.PROVIDER_UNAVAILABLE,
          "Could not complete the " + provider.displayName() + " sign-in: its token endpoint "
              + unavailable.reason() + ". Nothing was stored; the sign-in stays valid until " + flow.expiresAt()
              + ", so retry the same request.",
          unavailable.retryAfter(),
          null);
    }

    TokenResult.Issued issued = (TokenResult.Issued) result;
    Instant expiresAt = issued.expiresIn() == null ? null : now.plus(issued.expiresIn());
    StoredCredential row =
        vault.sealOAuth(provider.id(), new OAuthTokens(issued.accessToken(), issued.refreshToken(), expiresAt),
            now, now, null);
    if (!vault.store().completeFlow(flow.stateHash(), codeHash, row)) {
      throw rejected(provider, caller, "This sign-in was completed by another request; read the status.");
    }
    index.reload();
    audit.record("login", provider.id(), "success", caller.address(), issued.accessToken().hint());
    log.info("Signed in to {} with OAuth; access token {} expires {}", provider.id(), issued.accessToken().hint(), expiresAt);
    return new CompletedLogin(provider.id(), successMessage(provider), secondsUntil(expiresAt, now));
  }

  /** Handles a retried callback: the same code gets the same success, any other code a 400. */
  private CompletedLogin repeatedCallback(
      ProviderInfo provider, PendingFlow flow, String codeHash, Instant now, Caller caller) {
    if (!codeHash.equals(flow.codeHash())) {
      throw rejected(provider, caller,
          "This sign-in was already completed with another code; start a new sign-in with POST"
              + " /api/auth/oauth/" + provider.id() + " to sign in again.");
    }
    Instant expiresAt = index.find(provider.id(), CredentialKind.OAUTH).map(m -> m.expiresAt()).orElse(null);
    return new CompletedLogin(provider.id(), successMessage(provider), secondsUntil(expiresAt, now));
  }

  private MixAuthException rejected(ProviderInfo provider, Caller caller, String message) {
    audit.record("login", provider.id(), "rejected", caller.address(), null);
    return MixAuthException.invalid(message);
  }

  private OAuthSettings enabledSettings(ProviderInfo provider) {
    OAuthSettings oauth = settingsOf(provider);
    if (!oauth.enabled()) {
      throw MixAuthException.invalid(disabledMessage(provider));
    }
    return oauth;
  }

  private OAuthSettings settingsOf(ProviderInfo provider) {
    if (!provider.supportsOAuth()) {
      throw MixAuthException.invalid(
          provider.displayName() + " has no OAuth sign-in; store an API key with POST /api/auth/api-key instead.");
    }
    return settings.apply(provider.id()).orElseThrow(
        () -> new MixAuthException(Failure.INTERNAL, "No OAuth settings are configured for " + provider.id()));
  }

  private static String disabledMessage(ProviderInfo provider) {
    if (provider.id().equals("anthropic")) {
      return "Anthropic OAuth sign-in is turned off: Anthropic's terms reserve Claude subscription sign-in for"
          + " its own apps, and its API rejects subscription tokens used elsewhere. Store an Anthropic API key"
          + " with POST /api/auth/api-key instead, or, if your organisation is permitted or has its own OAuth"
          + " client, start the server with MIX_AUTH_ANTHROPIC_OAUTH=enabled.";
    }
    String variable = "MIX_AUTH_" + provider.id().toUpperCase(java.util.Locale.ROOT) + "_OAUTH";
    return provider.displayName() + " OAuth sign-in is turned off on this server; start it with " + variable
        + "=enabled, or store an API key with POST /api/auth/api-key.";
  }

  private static String authorizationUrl(OAuthSettings oauth, String challenge, String state) {
    Map<String, String> query = new LinkedHashMap<>();
    if (oauth.provider().equals("anthropic")) {
      query.put("code", "true");
    }
    query.put("client_id", oauth.clientId());
    query.put("response_type", "code");
    query.put("redirect_uri", oauth.redirectUri());
    query.put("scope", oauth.scopes());
    query.put("code_challenge", challenge);
    query.put("code_challenge_method", "S256");
    query.put("state", state);
    String encoded =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
            .collect(Collectors.joining("&"));
    String base = oauth.authorizeUrl().toString();
    return base + (base.contains("?") ? "&" : "?") + encoded;
  }

  private static String nextStep(ProviderInfo provider, OAuthSettings oauth, boolean listening) {
    String open = "Open auth_url in a browser and sign in to " + provider.displayName() + " within "
        + FLOW_LIFETIME.toMinutes() + " minutes. ";
    if (provider.oauth() == ProviderInfo.OAuthKind.PASTE_CODE) {
      return open + "Then paste the code shown (code#state) as code, with this state, to POST"
          + " /api/auth/oauth-callback.";
    }
    String paste = "paste the address the browser ends on (" + oauth.redirectUri() + "?code=…) as code to POST"
        + " /api/auth/oauth-callback";
    return listening
        ? open + "The browser returns to " + oauth.redirectUri() + ", where this server completes the sign-in;"
            + " if the browser runs on another machine, " + paste + "."
        : open + "Then " + paste + ".";
  }

  private static String successMessage(ProviderInfo provider) {
    return "Signed in to " + provider.displayName() + " with OAuth; the tokens are stored.";
  }

  private static long secondsUntil(Instant expiresAt, Instant now) {
    return expiresAt == null ? 0 : Math.max(0, Duration.between(now, expiresAt).getSeconds());
  }
}
