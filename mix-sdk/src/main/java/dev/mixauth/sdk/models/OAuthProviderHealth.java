package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * Health of the OAuth credential of one provider.
 *
 * @param provider the provider id
 * @param status {@code active}, {@code expired}, {@code expired_no_refresh}, {@code error} or
 *     {@code not_found}. It is a string so that a newer server's value still reads.
 * @param expiresAt optional: when the access token expires
 * @param expiresIn optional: time left for people, such as {@code 2h30m15s}
 * @param lastRefresh optional: when the token was last refreshed
 * @param error optional: what went wrong, set when {@code status} is {@code error}
 */
public record OAuthProviderHealth(
    String provider,
    String status,
    @JsonProperty("expires_at") @JsonDeserialize(using = InstantDeserializer.class)
        Instant expiresAt,
    @JsonProperty("expires_in") String expiresIn,
    @JsonProperty("last_refresh") @JsonDeserialize(using = InstantDeserializer.class)
        Instant lastRefresh,
    String error) {

  public OAuthProviderHealth {
    Required.field(provider, "provider");
    Required.field(status, "status");
  }
}
