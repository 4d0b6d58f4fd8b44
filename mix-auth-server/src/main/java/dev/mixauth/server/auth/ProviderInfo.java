package dev.mixauth.server.auth;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the provider registry.
 *
 * @param id the provider id on the wire, lowercase and case-sensitive
 * @param environmentVariable the variable whose API key counts as this provider's credential
 * @param keyPrefixes distinctive prefixes of this provider's API keys, used to recognise a key
 *     sent for the wrong provider; a prefix shared by several providers (such as {@code sk-}) is
 *     left out
 * @param oauth the kind of OAuth sign-in the provider offers
 * @param models the models offered for the preferences, newest first
 */
public record ProviderInfo(
    String id,
    String displayName,
    String environmentVariable,
    List<String> keyPrefixes,
    OAuthKind oauth,
    List<String> models) {

  /** How a provider's OAuth sign-in returns its code. */
  public enum OAuthKind {
    NONE,
    /** The provider shows {@code code#state} on its own page, and the user pastes it. */
    PASTE_CODE,
    /** The provider redirects the browser to a listener on localhost. */
    LOCALHOST_CALLBACK
  }

  public ProviderInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    keyPrefixes = List.copyOf(keyPrefixes);
    models = List.copyOf(models);
  }

  public boolean supportsOAuth() {
    return oauth != OAuthKind.NONE;
  }
}
