package dev.mixauth.server.oauth;

import dev.mixauth.server.auth.Revocation;
import dev.mixauth.server.config.OAuthSettings;
import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialVault;
import dev.mixauth.server.vault.OAuthTokens;
import dev.mixauth.server.vault.StoredCredential;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Revokes refresh tokens (RFC 7009) at providers that have a configured revocation endpoint. */
public final class TokenRevoker implements Revocation {
  private static final Logger log = LoggerFactory.getLogger(TokenRevoker.class);

  private final Function<String, Optional<OAuthSettings>> settings;
  private final CredentialVault vault;
  private final TokenEndpoint tokens;

  public TokenRevoker(Function<String, Optional<OAuthSettings>> settings, CredentialVault vault, TokenEndpoint tokens) {
    this.settings = settings;
    this.vault = vault;
    this.tokens = tokens;
  }

  @Override
  public Optional<String> revoke(String provider) {
    Optional<OAuthSettings> oauth = settings.apply(provider).filter(s -> s.revokeUrl() != null);
    Optional<StoredCredential> stored = vault.store().find(provider, CredentialKind.OAUTH);
    if (oauth.isEmpty() || stored.isEmpty() || stored.get().refreshSecret() == null) {
      return Optional.empty();
    }
    OAuthTokens tokensToRevoke = vault.openOAuth(stored.get());
    Optional<String> failure;
    try {
      failure = tokens.revoke(oauth.get(), tokensToRevoke.refreshToken());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = Optional.of("the revocation was interrupted");
    }
    if (failure.isPresent()) {
      log.warn("Revoking the {} refresh token {} failed: {}", provider, tokensToRevoke.refreshToken().hint(), failure.get());
    } else {
      log.info("Revoked the {} refresh token {}", provider, tokensToRevoke.refreshToken().hint());
    }
    return failure;
  }
}
