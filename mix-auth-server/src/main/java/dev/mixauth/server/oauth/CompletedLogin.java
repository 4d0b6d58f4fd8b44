package dev.mixauth.server.oauth;

/**
 * A finished sign-in.
 *
 * @param expiresIn seconds until the access token expires; 0 when the provider did not say
 */
public record CompletedLogin(String provider, String message, long expiresIn) {}
