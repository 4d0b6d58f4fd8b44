package dev.mixauth.fakes;

/**
 * An OAuth error response (RFC 6749 section 5.2) that a fake endpoint sends: the HTTP status, the
 * {@code error} code and the {@code error_description}. Descriptions never contain a code, token or
 * verifier.
 */
final class OAuthException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final String description;

  OAuthException(int status, String error, String description) {
    this(status, error, description, null);
  }

  OAuthException(int status, String error, String description, Throwable cause) {
    super(error + ": " + description, cause);
    this.status = status;
    this.error = error;
    this.description = description;
  }

  static OAuthException invalidRequest(String description) {
    return new OAuthException(400, "invalid_request", description);
  }

  static OAuthException invalidClient(String description) {
    return new OAuthException(400, "invalid_client", description);
  }

  static OAuthException invalidGrant(String description) {
    return new OAuthException(400, "invalid_grant", description);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  String description() {
    return description;
  }
}
