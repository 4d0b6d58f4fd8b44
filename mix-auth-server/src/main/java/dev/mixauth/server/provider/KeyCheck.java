package dev.mixauth.server.provider;

/** The outcome of asking a provider whether an API key works. */
public sealed interface KeyCheck {
  record Accepted() implements KeyCheck {}

  /** The provider responded 401 or 403. */
  record Rejected(int status) implements KeyCheck {}

  /** No usable response: unreachable, timed out, 5XX, or not JSON. */
  record Unavailable(String reason) implements KeyCheck {}
}
