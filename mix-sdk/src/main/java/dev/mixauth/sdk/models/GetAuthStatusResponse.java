package dev.mixauth.sdk.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Authentication status of every provider the server supports.
 *
 * @param providers status per provider id, in the server's order. It may contain ids that {@link
 *     Provider} lacks.
 */
public record GetAuthStatusResponse(Map<String, ProviderStatus> providers) {

  public GetAuthStatusResponse {
    Required.field(providers, "providers");
    providers.forEach((id, status) -> Required.field(status, "providers." + id));
    providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
  }

  /** Returns the status of {@code provider}, or an empty optional when the server omitted it. */
  public Optional<ProviderStatus> statusOf(Provider provider) {
    return Optional.ofNullable(providers.get(provider.value()));
  }
}
