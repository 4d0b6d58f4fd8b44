package dev.mixauth.server.oauth;

import java.time.Instant;

/** A started sign-in: where the user goes, the state to send back, and what to do next. */
public record StartedFlow(String provider, String authUrl, String state, Instant expiresAt, String message) {}
