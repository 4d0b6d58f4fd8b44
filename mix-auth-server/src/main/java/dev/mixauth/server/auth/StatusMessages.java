package dev.mixauth.server.auth;

/** The sentences that tell people whether a provider is ready and, if not, what to do. */
final class StatusMessages {
  private StatusMessages() {}

  static String validation(ProviderStatus status) {
    ProviderInfo provider = status.provider();
    String name = provider.displayName();
    if (status.authenticated()) {
      return switch (status.method()) {
        case OAUTH -> name + " is ready: signed in with OAuth"
            + (status.expiresAt() == null ? "." : " (access token expires " + status.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ").");
        case API_KEY -> status.source() == CredentialSource.ENVIRONMENT
            ? name + " is ready: using the API key from " + provider.environmentVariable() + " (" + status.keyHint() + ")."
            : name + " is ready: using the stored API key " + status.keyHint() + ".";
        case NONE -> name + " is ready.";
      };
    }
    String fix = "Store an API key with POST /api/auth/api-key"
        + (provider.supportsOAuth() ? ", or sign in with POST /api/auth/oauth/" + provider.id() : "")
        + ".";
    if (status.oauthNeedsSignIn()) {
      return "The " + name + " sign-in has expired and cannot be refreshed. Sign in again with POST /api/auth/oauth/"
          + provider.id() + ", or store an API key with POST /api/auth/api-key.";
    }
    return name + " has no credentials. " + fix;
  }
}
