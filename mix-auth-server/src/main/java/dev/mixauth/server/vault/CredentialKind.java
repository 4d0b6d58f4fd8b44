package dev.mixauth.server.vault;

/** The two kinds of credential a provider can have, with their names in the store. */
public enum CredentialKind {
  API_KEY("api_key"),
  OAUTH("oauth");

  private final String column;

  CredentialKind(String column) {
    this.column = column;
  }

  public String column() {
    return column;
  }

  public static CredentialKind fromColumn(String value) {
    for (CredentialKind kind : values()) {
      if (kind.column.equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Unknown credential kind in the store: " + value);
  }
}
