package dev.mixauth.server.auth;

import java.time.Instant;

/**
 * The credential a provider would use now.
 *
 * @param source null when nothing is usable
 * @param keyHint the API key's hint; null for OAuth and none
 * @param expiresAt the OAuth access token's expiry; null otherwise
 * @param oauthNeedsSignIn true when an OAuth credential exists but cannot be used or refreshed
 */
public record ProviderStatus(
    ProviderInfo provider,
    boolean authenticated,
    AuthMethod method,
    CredentialSource source,
    String keyHint,
    Instant expiresAt,
    boolean oauthNeedsSignIn) {}
