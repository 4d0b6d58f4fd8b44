package dev.mixauth.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The fields that every fake token response shares (RFC 6749 section 5.1). */
final class TokenResponses {

  private TokenResponses() {}

  /**
   * Returns {@code token_type}, {@code access_token}, {@code refresh_token}, {@code expires_in} and
   * {@code scope}, leaving out or emptying the token fields as the grant specifies.
   */
  static ObjectNode standardFields(TokenGrant grant) {
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    putToken(body, "access_token", grant.accessToken(), grant.accessField());
    putToken(body, "refresh_token", grant.refreshToken(), grant.refreshField());
    body.put("expires_in", grant.expiresIn().toSeconds());
    body.put("scope", grant.scope());
    return body;
  }

  private static void putToken(ObjectNode body, String name, String token, TokenField field) {
    switch (field) {
      case PRESENT:
        body.put(name, token);
        break;
      case EMPTY:
        body.put(name, "");
        break;
      default:
        break;
    }
  }
}
