package dev.mixauth.server.auth;

/** A change to the preferences; a null field is left as it is. */
public record PreferencesUpdate(
    String preferredProvider,
    String mainAgentModel,
    Integer mainAgentMaxTokens,
    String mainAgentReasoningEffort,
    String subAgentModel,
    Integer subAgentMaxTokens,
    String subAgentReasoningEffort) {}
