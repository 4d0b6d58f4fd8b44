package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A change to any subset of the preferences. Fields left {@code null} are not sent and keep their
 * stored value.
 *
 * <pre>{@code
 * UpdatePreferencesRequest request =
 *     UpdatePreferencesRequest.builder()
 *         .preferredProvider(Provider.ANTHROPIC)
 *         .mainAgentMaxTokens(8192)
 *         .build();
 * }</pre>
 *
 * @param preferredProvider the provider id that agents use by default. The server rejects an id
 *     that it does not support with status 400.
 * @param mainAgentModel the main agent's model
 * @param mainAgentMaxTokens the main agent's output token limit
 * @param mainAgentReasoningEffort the main agent's reasoning effort
 * @param subAgentModel the sub-agents' model
 * @param subAgentMaxTokens the sub-agents' output token limit
 * @param subAgentReasoningEffort the sub-agents' reasoning effort
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdatePreferencesRequest(
    @JsonProperty("preferred_provider") String preferredProvider,
    @JsonProperty("main_agent_model") String mainAgentModel,
    @JsonProperty("main_agent_max_tokens") Integer mainAgentMaxTokens,
    @JsonProperty("main_agent_reasoning_effort") String mainAgentReasoningEffort,
    @JsonProperty("sub_agent_model") String subAgentModel,
    @JsonProperty("sub_agent_max_tokens") Integer subAgentMaxTokens,
    @JsonProperty("sub_agent_reasoning_effort") String subAgentReasoningEffort) {

  /** Returns a builder with every field unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link UpdatePreferencesRequest}. */
  public static final class Builder {
    private String preferredProvider;
    private String mainAgentModel;
    private Integer mainAgentMaxTokens;
    private String mainAgentReasoningEffort;
    private String subAgentModel;
    private Integer subAgentMaxTokens;
    private String subAgentReasoningEffort;

    private Builder() {}

    public Builder preferredProvider(String preferredProvider) {
      this.preferredProvider = preferredProvider;
      return this;
    }

    /** Sets the preferred provider from a {@link Provider} constant. */
    public Builder preferredProvider(Provider preferredProvider) {
      this.preferredProvider = preferredProvider.value();
      return this;
    }

    public Builder mainAgentModel(String mainAgentModel) {
      this.mainAgentModel = mainAgentModel;
      return this;
    }

    public Builder mainAgentMaxTokens(int mainAgentMaxTokens) {
      this.mainAgentMaxTokens = mainAgentMaxTokens;
      return this;
    }

    public Builder mainAgentReasoningEffort(String mainAgentReasoningEffort) {
      this.mainAgentReasoningEffort = mainAgentReasoningEffort;
      return this;
    }

    public Builder subAgentModel(String subAgentModel) {
      this.subAgentModel = subAgentModel;
      return this;
    }

    public Builder subAgentMaxTokens(int subAgentMaxTokens) {
      this.subAgentMaxTokens = subAgentMaxTokens;
      return this;
    }

    public Builder subAgentReasoningEffort(String subAgentReasoningEffort) {
      this.subAgentReasoningEffort = subAgentReasoningEffort;
      return this;
    }

    public UpdatePreferencesRequest build() {
      return new UpdatePreferencesRequest(
          preferredProvider,
          mainAgentModel,
          mainAgentMaxTokens,
          mainAgentReasoningEffort,
          subAgentModel,
          subAgentMaxTokens,
          subAgentReasoningEffort);
    }
  }
}
