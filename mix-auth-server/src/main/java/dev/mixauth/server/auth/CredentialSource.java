package dev.mixauth.server.auth;

/** The origin of the credential in use, with its name on the wire. */
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
