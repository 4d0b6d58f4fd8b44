package dev.mixauth.server.cli.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.mixauth.sdk.models.GetPreferencesResponse;
import dev.mixauth.sdk.models.UserPreferences;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Prints SDK response records as the JSON body that the server sent: the same field names, absent
 * optional fields left out, and times in RFC 3339. Fields that this SDK version does not model are
 * not printed. Non-ASCII characters, such as the ellipsis of a key hint, are escaped, so the output
 * is plain ASCII whatever the terminal's encoding.
 */
final class JsonOutput {
  private static final ObjectMapper JSON = mapper();

  private JsonOutput() {}

  static void print(Output output, Object body) {
    try {
      output.println(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Could not write " + body.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private static ObjectMapper mapper() {
    SimpleModule times = new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance);
    ObjectMapper mapper = JsonMapper.builder()
        .addModule(times)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
    // The preferences body keeps its null fields, as the server sends them.
    mapper.configOverride(GetPreferencesResponse.class).setInclude(JsonInclude.Value.construct(
        JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));
    mapper.configOverride(UserPreferences.class).setInclude(JsonInclude.Value.construct(
        JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));
    return mapper;
  }
}
