package dev.mixauth.server.errors;

/**
 * The categories of failure that the service layer reports. The HTTP layer maps each one to a
 * status code and an error type in a single place, so services never speak HTTP.
 */
public enum Failure {
  /** The request is malformed or names something that does not exist (400). */
  INVALID_REQUEST,
  /** The caller is not allowed to make this request (401). */
  UNAUTHORIZED,
  /** The provider checked the credential and rejected it (401). */
  REJECTED_BY_PROVIDER,
  /** The request is refused because of where it came from (403). */
  FORBIDDEN,
  /** No such resource (404). */
  NOT_FOUND,
  /** The request is valid but a limit is reached; it can be retried later (429). */
  LIMIT_REACHED,
  /** The provider could not be reached or answered with something unusable (502). */
  PROVIDER_UNAVAILABLE,
  /** The credential store cannot be read or written (503). */
  STORAGE_UNAVAILABLE,
  /** A fault in this server (500). */
  INTERNAL
}
