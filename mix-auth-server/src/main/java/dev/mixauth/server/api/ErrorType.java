package dev.mixauth.server.api;

/** The {@code type} values of the error envelope, fixed by the API contract. */
enum ErrorType {
  BAD_REQUEST("bad_request"),
  VALIDATION_ERROR("validation_error"),
  UNAUTHORIZED("unauthorized"),
  NOT_FOUND("not_found"),
  INTERNAL_ERROR("internal_error");

  private final String wire;

  ErrorType(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }
}
