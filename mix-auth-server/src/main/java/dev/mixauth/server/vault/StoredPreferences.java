package dev.mixauth.server.vault;

import java.time.Instant;

/** The user's preferences as stored; any field but the times may be null. */
public record StoredPreferences(
    String preferredProvider,
    String mainAgentModel,
    Integer mainAgentMaxTokens,
    String mainAgentReasoningEffort,
    String subAgentModel,
    Integer subAgentMaxTokens,
    String subAgentReasoningEffort,
    Instant createdAt,
    Instant updatedAt) {}
