package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The user's stored preferences. Every field is optional, because the server stores any subset.
 *
 * @param preferredProvider the provider id that agents use by default
 * @param mainAgentModel the main agent's model
 * @param mainAgentMaxTokens the main agent's output token limit
 * @param mainAgentReasoningEffort the main agent's reasoning effort
 * @param subAgentModel the sub-agents' model
 * @param subAgentMaxTokens the sub-agents' output token limit
 * @param subAgentReasoningEffort the sub-agents' reasoning effort
 * @param createdAt when the preferences were created, in Unix seconds
 * @param updatedAt when the preferences were last changed, in Unix seconds
 */
public record UserPreferences(
    @JsonProperty("preferred_provider") String preferredProvider,
    @JsonProperty("main_agent_model") String mainAgentModel,
    @JsonProperty("main_agent_max_tokens") Integer mainAgentMaxTokens,
    @JsonProperty("main_agent_reasoning_effort") String mainAgentReasoningEffort,
    @JsonProperty("sub_agent_model") String subAgentModel,
    @JsonProperty("sub_agent_max_tokens") Integer subAgentMaxTokens,
    @JsonProperty("sub_agent_reasoning_effort") String subAgentReasoningEffort,
    @JsonProperty("created_at") Long createdAt,
    @JsonProperty("updated_at") Long updatedAt) {}
