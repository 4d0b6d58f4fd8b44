package dev.mixauth.sdk.models;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads an auth method from a JSON string, mapping strings this SDK lacks to {@link
 * AuthMethod#UNKNOWN}. A value of another JSON type, such as a number, is rejected.
 */
final class AuthMethodDeserializer extends StdScalarDeserializer<AuthMethod> {

  AuthMethodDeserializer() {
    super(AuthMethod.class);
  }

  @Override
  public AuthMethod deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return (AuthMethod) context.handleUnexpectedToken(AuthMethod.class, parser);
    }
    return AuthMethod.fromValue(parser.getText());
  }
}
