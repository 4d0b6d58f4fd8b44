package dev.mixauth.fakes;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sign-in steps against the fakes, as the mix-auth server performs them. */
final class Flows {

  /** The code verifier of RFC 7636 appendix B. */
  static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  /** The S256 challenge of {@link #RFC_VERIFIER}, from RFC 7636 appendix B. */
  static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  static final String ANTHROPIC_SCOPE = "org:create_api_key user:profile user:inference";
  static final String OPENAI_SCOPE = "openid profile email offline_access";

  private Flows() {}

  /** Returns valid Anthropic authorize parameters for the challenge and state. */
  static Map<String, String> anthropicAuthorize(String challenge, String state) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("code", "true");
    query.put("client_id", FakeProviders.ANTHROPIC_CLIENT_ID);
    query.put("response_type", "code");
    query.put("redirect_uri", FakeProviders.ANTHROPIC_REDIRECT_URI);
    query.put("scope", ANTHROPIC_SCOPE);
    query.put("code_challenge", challenge);
    query.put("code_challenge_method", "S256");
    query.put("state", state);
    return query;
  }

  /** Returns valid OpenAI authorize parameters for the challenge and state. */
  static Map<String, String> openAiAuthorize(String challenge, String state) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", FakeProviders.OPENAI_CLIENT_ID);
    query.put("redirect_uri", FakeProviders.OPENAI_REDIRECT_URI);
    query.put("scope", OPENAI_SCOPE);
    query.put("code_challenge", challenge);
    query.put("code_challenge_method", "S256");
    query.put("state", state);
    return query;
  }

  static String url(String base, Map<String, String> query) {
    return base + "?" + Http.form(query);
  }

  /** Authorizes at the Anthropic fake and returns the code from the {@code code#state} text. */
  static String anthropicCode(FakeProviders fake, String verifier, String state) throws Exception {
    Map<String, String> query = anthropicAuthorize(Pkce.s256Challenge(verifier), state);
    HttpResponse<String> response =
        Http.get(url(fake.anthropicAuthorizeUrl(), query), "Accept", "text/plain");
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "Authorize failed with " + response.statusCode() + ": " + response.body());
    }
    String[] codeAndState = response.body().split("#", 2);
    if (!codeAndState[1].equals(state)) {
      throw new AssertionError("Code page showed another state: " + codeAndState[1]);
    }
    return codeAndState[0];
  }

  /** Authorizes at the OpenAI fake and returns the code from the redirect's query. */
  static String openAiCode(FakeProviders fake, String verifier, String state) throws Exception {
    Map<String, String> query = openAiAuthorize(Pkce.s256Challenge(verifier), state);
    HttpResponse<String> response = Http.get(url(fake.openAiAuthorizeUrl(), query));
    if (response.statusCode() != 302) {
      throw new AssertionError(
          "Authorize failed with " + response.statusCode() + ": " + response.body());
    }
    String location = response.headers().firstValue("Location").orElseThrow();
    return queryParameters(location).get("code");
  }

  static Map<String, String> queryParameters(String url) {
    return RequestBodies.parseForm(URI.create(url).getRawQuery());
  }

  /** Returns the Anthropic exchange body, as JSON fields. */
  static Map<String, String> anthropicExchange(String code, String state, String verifier) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("state", state);
    body.put("client_id", FakeProviders.ANTHROPIC_CLIENT_ID);
    body.put("redirect_uri", FakeProviders.ANTHROPIC_REDIRECT_URI);
    body.put("code_verifier", verifier);
    return body;
  }

  /** Returns the OpenAI exchange body, as form fields, without state. */
  static Map<String, String> openAiExchange(String code, String verifier) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("client_id", FakeProviders.OPENAI_CLIENT_ID);
    body.put("redirect_uri", FakeProviders.OPENAI_REDIRECT_URI);
    body.put("code_verifier", verifier);
    return body;
  }

  static Map<String, String> refresh(String clientId, String refreshToken) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "refresh_token");
    body.put("refresh_token", refreshToken);
    body.put("client_id", clientId);
    return body;
  }

  /** Returns a fresh random verifier of 43 characters. */
  static String newVerifier() {
    return RandomTokens.next("", 32);
  }
}
