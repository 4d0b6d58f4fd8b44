package dev.mixauth.server.vault;

/** Whether a stored OAuth credential can still be used or refreshed. API keys are always ACTIVE. */
public enum CredentialState {
  ACTIVE("active"),
  /** The provider rejected the refresh token; the user has to sign in again. */
  EXPIRED_NO_REFRESH("expired_no_refresh");

  private final String column;

  CredentialState(String column) {
    this.column = column;
  }

  public String column() {
    return column;
  }

  public static CredentialState fromColumn(String value) {
    for (CredentialState state : values()) {
      if (state.column.equals(value)) {
        return state;
      }
    }
    throw new IllegalArgumentException("Unknown credential state in the store: " + value);
  }
}
