package dev.mixauth.fakes;

/** An approved authorize request and the code issued for it. {@link #toString()} hides the code. */
final class Approval {

  private final String code;
  private final AuthorizeRequest request;

  Approval(String code, AuthorizeRequest request) {
    this.code = code;
    this.request = request;
  }

  String code() {
    return code;
  }

  AuthorizeRequest request() {
    return request;
  }

  @Override
  public String toString() {
    return "Approval[code=" + TokenHints.hint(code) + "]";
  }
}
