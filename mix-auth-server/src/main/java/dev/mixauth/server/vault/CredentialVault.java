package dev.mixauth.server.vault;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Encrypts secrets on their way into the store and decrypts them on their way out. The associated
 * data of every ciphertext names its row and column, so ciphertext moved to another row or column
 * does not decrypt.
 */
public final class CredentialVault {
  private static final String KEY_CHECK = "key_check";
  private static final Secret KEY_CHECK_VALUE = Secret.of("mix-auth key check");

  private final CredentialStore store;
  private final SecretBox box;

  public CredentialVault(CredentialStore store, SecretBox box) {
    this.store = store;
    this.box = box;
  }

  public CredentialStore store() {
    return store;
  }

  /**
   * Checks that the configured key decrypts what the store holds, writing the key check on first
   * use.
   *
   * @throws VaultException when the store was written with another key
   */
  public void verifyKey() {
    Optional<byte[]> check = store.readMeta(KEY_CHECK);
    if (check.isEmpty()) {
      store.writeMeta(KEY_CHECK, box.encrypt(KEY_CHECK_VALUE, associatedData("meta", KEY_CHECK)));
      return;
    }
    Secret value;
    try {
      value = box.decrypt(check.get(), associatedData("meta", KEY_CHECK));
    } catch (VaultException e) {
      throw new VaultException(
          "The configured key cannot decrypt this store: it was written with another key, so none of its"
              + " credentials can be used (" + describeCredentials() + "). Set MIX_AUTH_MASTER_KEY or restore the"
              + " key file the store was written with; nothing was decrypted or sent anywhere.",
          e);
    }
    if (!value.sameAs(KEY_CHECK_VALUE)) {
      throw new VaultException("The store's key check contains an unexpected value, so the store may be damaged; restore it from a backup.");
    }
  }

  /**
   * Re-encrypts every stored secret with {@code target}, in one transaction. The target must
   * decrypt what this vault's key wrote, as a rotated keyset that still contains the old key does.
   *
   * @return how many ciphertexts were rewritten
   */
  public int reencryptAll(SecretBox target) {
    return store.rewriteSecrets(new SecretRewriter() {
      @Override
      public byte[] credentialSecret(String provider, CredentialKind kind, byte[] ciphertext) {
        return reencrypt(target, ciphertext, secretData(provider, kind));
      }

      @Override
      public byte[] credentialRefresh(String provider, byte[] ciphertext) {
        return reencrypt(target, ciphertext, refreshData(provider));
      }

      @Override
      public byte[] flowVerifier(String stateHash, byte[] ciphertext) {
        return reencrypt(target, ciphertext, associatedData("flow", stateHash, "verifier"));
      }

      @Override
      public byte[] meta(String key, byte[] value) {
        return reencrypt(target, value, associatedData("meta", key));
      }
    });
  }

  private byte[] reencrypt(SecretBox target, byte[] ciphertext, String associatedData) {
    return target.encrypt(box.decrypt(ciphertext, associatedData), associatedData);
  }

  /** Lists the stored credentials as {@code provider kind} pairs, for messages; no secrets. */
  private String describeCredentials() {
    List<String> credentials = store.listMetadata().stream()
        .map(m -> m.provider() + " " + m.kind().column())
        .toList();
    return credentials.isEmpty() ? "no credentials are stored" : "stored: " + String.join(", ", credentials);
  }

  public StoredCredential sealApiKey(String provider, Secret key, Instant createdAt, Instant now) {
    CredentialMetadata metadata =
        new CredentialMetadata(
            provider, CredentialKind.API_KEY, key.hint(), null, false, CredentialState.ACTIVE, null, null, createdAt, now);
    return new StoredCredential(metadata, box.encrypt(key, secretData(provider, CredentialKind.API_KEY)), null);
  }

  /**
   * Builds the encrypted row for OAuth tokens.
   *
   * @param lastRefresh when these tokens came from a refresh; null for a sign-in
   */
  public StoredCredential sealOAuth(
      String provider, OAuthTokens tokens, Instant createdAt, Instant now, Instant lastRefresh) {
    CredentialMetadata metadata =
        new CredentialMetadata(
            provider,
            CredentialKind.OAUTH,
            tokens.accessToken().hint(),
            tokens.expiresAt(),
            tokens.refreshToken() != null,
            CredentialState.ACTIVE,
            lastRefresh,
            null,
            createdAt,
            now);
    byte[] access = box.encrypt(tokens.accessToken(), secretData(provider, CredentialKind.OAUTH));
    byte[] refresh =
        tokens.refreshToken() == null ? null : box.encrypt(tokens.refreshToken(), refreshData(provider));
    return new StoredCredential(metadata, access, refresh);
  }

  public Secret openSecret(StoredCredential credential) {
    CredentialMetadata m = credential.metadata();
    return box.decrypt(credential.secret(), secretData(m.provider(), m.kind()));
  }

  public OAuthTokens openOAuth(StoredCredential credential) {
    CredentialMetadata m = credential.metadata();
    Secret access = box.decrypt(credential.secret(), secretData(m.provider(), CredentialKind.OAUTH));
    Secret refresh =
        credential.refreshSecret() == null ? null : box.decrypt(credential.refreshSecret(), refreshData(m.provider()));
    return new OAuthTokens(access, refresh, m.expiresAt());
  }

  public byte[] sealVerifier(String stateHash, Secret verifier) {
    return box.encrypt(verifier, associatedData("flow", stateHash, "verifier"));
  }

  public Secret openVerifier(PendingFlow flow) {
    return box.decrypt(flow.verifier(), associatedData("flow", flow.stateHash(), "verifier"));
  }

  private static String secretData(String provider, CredentialKind kind) {
    return associatedData("credential", provider, kind.column(), "secret");
  }

  private static String refreshData(String provider) {
    return associatedData("credential", provider, CredentialKind.OAUTH.column(), "refresh_secret");
  }

  private static String associatedData(String... parts) {
    return "mix-auth/v1/" + String.join("/", parts);
  }
}
