package dev.mixauth.server.auth;

/** The way a provider is authenticated, with its name on the wire. */
public enum AuthMethod {
  OAUTH("oauth"),
  API_KEY("api_key"),
  NONE("none");

  private final String wire;

  AuthMethod(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
