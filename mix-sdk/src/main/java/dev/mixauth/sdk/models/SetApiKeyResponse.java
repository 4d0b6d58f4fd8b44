package dev.mixauth.sdk.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Result of setting the API key of the preferred provider.
 *
 * @param success whether the key was checked and stored
 */
public record SetApiKeyResponse(
    @JsonProperty(value = "success", required = true) boolean success) {}
