package dev.mixauth.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenID Connect ID tokens in the shape that auth.openai.com issues: a JWT whose payload carries
 * the e-mail address and, under the {@code https://api.openai.com/auth} claim, the ChatGPT account
 * id. The real tokens are signed with RS256. These are signed with HS256 and a fixed fake key, so a
 * client that verifies signatures against OpenAI's keys rejects them.
 */
final class IdTokens {

  static final String ISSUER = "https://auth.openai.com";
  static final String AUTH_CLAIM = "https://api.openai.com/auth";

  /** The fake HMAC key. It protects nothing; it only makes the signature well-formed. */
  static final byte[] SIGNING_KEY =
      "mix-auth-fakes id_token key, not a secret".getBytes(StandardCharsets.UTF_8);

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final Clock clock;

  IdTokens(Clock clock) {
    this.clock = clock;
  }

  /** Creates an ID token for the fake account, for the client, valid for the lifetime. */
  String create(String clientId, Duration lifetime) {
    long issuedAt = clock.instant().getEpochSecond();

    ObjectNode header = Json.object();
    header.put("alg", "HS256");
    header.put("typ", "JWT");

    ObjectNode payload = Json.object();
    payload.put("iss", ISSUER);
    payload.putArray("aud").add(clientId);
    payload.put("sub", FakeProviders.OPENAI_USER_ID);
    payload.put("email", FakeProviders.ACCOUNT_EMAIL);
    payload.put("email_verified", true);
    payload.put("iat", issuedAt);
    payload.put("exp", issuedAt + lifetime.toSeconds());
    ObjectNode auth = payload.putObject(AUTH_CLAIM);
    auth.put("chatgpt_account_id", FakeProviders.OPENAI_ACCOUNT_ID);
    auth.put("chatgpt_user_id", FakeProviders.OPENAI_USER_ID);
    auth.put("chatgpt_plan_type", "plus");

    String signingInput = encode(Json.write(header)) + "." + encode(Json.write(payload));
    return signingInput + "." + BASE64URL.encodeToString(hmacSha256(signingInput));
  }

  static byte[] hmacSha256(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SIGNING_KEY, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
