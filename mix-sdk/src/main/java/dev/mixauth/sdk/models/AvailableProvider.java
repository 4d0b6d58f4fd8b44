package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A provider that preferences may name, with its models.
 *
 * @param displayName the provider's name for people
 * @param models the model ids the provider offers
 */
public record AvailableProvider(
    @JsonProperty("display_name") String displayName, List<String> models) {

  public AvailableProvider {
    Required.field(displayName, "display_name");
    models = List.copyOf(Required.field(models, "models"));
  }
}
