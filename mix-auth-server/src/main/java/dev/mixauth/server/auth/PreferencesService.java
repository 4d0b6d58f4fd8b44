package dev.mixauth.server.auth;

import dev.mixauth.server.audit.AuditLog;
import dev.mixauth.server.errors.MixAuthException;
import dev.mixauth.server.vault.CredentialStore;
import dev.mixauth.server.vault.StoredPreferences;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads and changes the user's preferences. The stored value is kept in memory, because validate
 * reads the preferred provider on every call.
 */
public final class PreferencesService {
  public static final String DEFAULT_PROVIDER = "anthropic";
  public static final int MAX_TOKENS_LIMIT = 1_000_000;
  public static final int MAX_MODEL_LENGTH = 200;
  public static final List<String> REASONING_EFFORTS = List.of("minimal", "low", "medium", "high");

  private final CredentialStore store;
  private final ProviderRegistry registry;
  private final AuditLog audit;
  private final Clock clock;
  private volatile Optional<StoredPreferences> current;

  public PreferencesService(CredentialStore store, ProviderRegistry registry, AuditLog audit, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
    this.current = store.loadPreferences();
  }

  public Optional<StoredPreferences> current() {
    return current;
  }

  /**
   * Re-reads the stored preferences, after another process may have changed them. It runs under
   * the same lock as the writes here, so an older read never replaces a newer value.
   */
  public synchronized void reload() {
    current = store.loadPreferences();
  }

  public String preferredProvider() {
    return current.map(StoredPreferences::preferredProvider).filter(p -> p != null).orElse(DEFAULT_PROVIDER);
  }

  /** Applies the fields that are set and stores the result; nothing changes when one is invalid. */
  public synchronized StoredPreferences update(PreferencesUpdate update, Caller caller) {
    validate(update);
    Instant now = clock.instant();
    StoredPreferences base = current.orElseGet(() -> defaults(now));
    StoredPreferences next =
        new StoredPreferences(
            pick(update.preferredProvider(), base.preferredProvider()),
            pick(update.mainAgentModel(), base.mainAgentModel()),
            pick(update.mainAgentMaxTokens(), base.mainAgentMaxTokens()),
            pick(update.mainAgentReasoningEffort(), base.mainAgentReasoningEffort()),
            pick(update.subAgentModel(), base.subAgentModel()),
            pick(update.subAgentMaxTokens(), base.subAgentMaxTokens()),
            pick(update.subAgentReasoningEffort(), base.subAgentReasoningEffort()),
            base.createdAt(),
            now);
    store.savePreferences(next);
    current = Optional.of(next);
    audit.record("update_preferences", next.preferredProvider(), "success", caller.address(), null);
    return next;
  }

  /** Replaces the preferences with the defaults and returns them. */
  public synchronized StoredPreferences reset(Caller caller) {
    Instant now = clock.instant();
    StoredPreferences defaults = defaults(now);
    StoredPreferences next = current.map(p -> withCreated(defaults, p.createdAt())).orElse(defaults);
    store.savePreferences(next);
    current = Optional.of(next);
    audit.record("reset_preferences", next.preferredProvider(), "success", caller.address(), null);
    return next;
  }

  private static StoredPreferences withCreated(StoredPreferences p, Instant createdAt) {
    return new StoredPreferences(
        p.preferredProvider(), p.mainAgentModel(), p.mainAgentMaxTokens(), p.mainAgentReasoningEffort(),
        p.subAgentModel(), p.subAgentMaxTokens(), p.subAgentReasoningEffort(), createdAt, p.updatedAt());
  }

  /** The preferences a new installation starts from: Anthropic with its current models. */
  private static StoredPreferences defaults(Instant now) {
    return new StoredPreferences(
        DEFAULT_PROVIDER, "claude-sonnet-4-5", 8192, "medium", "claude-haiku-4-5", 4096, "low", now, now);
  }

  private void validate(PreferencesUpdate update) {
    if (update.preferredProvider() != null) {
      registry.require(update.preferredProvider(), "preferred_provider");
    }
    checkModel(update.mainAgentModel(), "main_agent_model");
    checkModel(update.subAgentModel(), "sub_agent_model");
    checkTokens(update.mainAgentMaxTokens(), "main_agent_max_tokens");
    checkTokens(update.subAgentMaxTokens(), "sub_agent_max_tokens");
    checkEffort(update.mainAgentReasoningEffort(), "main_agent_reasoning_effort");
    checkEffort(update.subAgentReasoningEffort(), "sub_agent_reasoning_effort");
  }

  private static void checkModel(String model, String field) {
    if (model == null) {
      return;
    }
    if (model.isBlank() || model.length() > MAX_MODEL_LENGTH || !model.equals(model.strip())) {
      throw MixAuthException.invalid(
          field + " must be a model name of 1 to " + MAX_MODEL_LENGTH
              + " characters without surrounding spaces, such as \"claude-sonnet-4-5\".");
    }
  }

  private static void checkTokens(Integer tokens, String field) {
    if (tokens != null && (tokens < 1 || tokens > MAX_TOKENS_LIMIT)) {
      throw MixAuthException.invalid(
          field + " must be a whole number from 1 to " + MAX_TOKENS_LIMIT + ", got " + tokens + ".");
    }
  }

  private static void checkEffort(String effort, String field) {
    if (effort != null && !REASONING_EFFORTS.contains(effort)) {
      throw MixAuthException.invalid(
          field + " must be one of " + String.join(", ", REASONING_EFFORTS) + ", got \"" + shorten(effort) + "\".");
    }
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  private static <T> T pick(T update, T base) {
    return update != null ? update : base;
  }
}
