package dev.mixauth.server.auth;

import dev.mixauth.server.vault.CredentialKind;
import dev.mixauth.server.vault.CredentialMetadata;
import dev.mixauth.server.vault.CredentialStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory copy of every credential's metadata, so that status and validate respond without
 * a disk read or a decryption. Every write through this server calls {@link #reload()} after its
 * commit, so the next status shows it. In team mode a change that another replica commits also
 * reloads it, through the store's change notifications.
 */
public final class CredentialIndex {
  private final CredentialStore store;
  private volatile Map<String, Map<CredentialKind, CredentialMetadata>> snapshot = Map.of();

  public CredentialIndex(CredentialStore store) {
    this.store = store;
  }

  /**
   * Reads all metadata from the store and replaces the snapshot in one step. Reloads run one at a
   * time, so a reload that read older rows never replaces the snapshot of one that started later.
   */
  public synchronized void reload() {
    List<CredentialMetadata> rows = store.listMetadata();
    Map<String, Map<CredentialKind, CredentialMetadata>> next = new HashMap<>();
    for (CredentialMetadata row : rows) {
      next.computeIfAbsent(row.provider(), p -> new HashMap<>()).put(row.kind(), row);
    }
    next.replaceAll((provider, kinds) -> Map.copyOf(kinds));
    snapshot = Map.copyOf(next);
  }

  public Optional<CredentialMetadata> find(String provider, CredentialKind kind) {
    return Optional.ofNullable(snapshot.getOrDefault(provider, Map.of()).get(kind));
  }

  public List<CredentialMetadata> all() {
    return snapshot.values().stream().flatMap(kinds -> kinds.values().stream()).toList();
  }
}
