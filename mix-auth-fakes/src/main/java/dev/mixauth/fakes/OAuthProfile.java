package dev.mixauth.fakes;

import java.util.List;

/**
 * Provider differences of the fake authorization servers, apart from wire formats: the scopes an
 * authorize request must include, and whether the code exchange carries {@code state}.
 */
record OAuthProfile(Provider provider, List<String> requiredScopes, boolean exchangeCarriesState) {

  /** Anthropic: Claude Pro/Max sign-in, whose exchange body repeats the state. */
  static final OAuthProfile ANTHROPIC =
      new OAuthProfile(
          Provider.ANTHROPIC,
          List.of("org:create_api_key", "user:profile", "user:inference"),
          true);

  /** OpenAI: ChatGPT sign-in, whose exchange body has no state. */
  static final OAuthProfile OPENAI =
      new OAuthProfile(
          Provider.OPENAI, List.of("openid", "profile", "email", "offline_access"), false);

  OAuthProfile {
    requiredScopes = List.copyOf(requiredScopes);
  }
}
