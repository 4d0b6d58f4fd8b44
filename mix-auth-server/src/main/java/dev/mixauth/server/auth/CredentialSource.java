package dev.mixauth.server.auth;

/** Where the credential in use came from, with its name on the wire. */
public enum CredentialSource {
  STORED("stored"),
  ENVIRONMENT("environment");

  private final String wire;

  CredentialSource(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
