package dev.mixauth.sdk.models;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads an RFC 3339 date-time string, such as {@code 2026-01-01T14:30:15Z}, as an {@link Instant}.
 *
 * <p>The SDK depends on jackson-databind alone, which has no support for {@code java.time}.
 */
final class InstantDeserializer extends StdScalarDeserializer<Instant> {

  InstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }

    String text = parser.getText();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return (Instant)
          context.handleWeirdStringValue(Instant.class, text, "expected an RFC 3339 date-time");
    }
  }
}
