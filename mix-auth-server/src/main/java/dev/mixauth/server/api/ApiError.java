package dev.mixauth.server.api;

/**
 * A rejection decided by the HTTP layer itself (body format, size, headers), with its status and
 * envelope type.
 */
final class ApiError extends RuntimeException {
  private final int status;
  private final ErrorType type;

  ApiError(int status, ErrorType type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, ErrorType.BAD_REQUEST, message);
  }

  static ApiError validation(String message) {
    return new ApiError(400, ErrorType.VALIDATION_ERROR, message);
  }

  int status() {
    return status;
  }

  ErrorType type() {
    return type;
  }
}
