package dev.mixauth.server.auth;

/** Whether the preferred provider can be used now, and a sentence that gives the reason or the fix. */
public record Validation(boolean valid, String provider, AuthMethod method, String message) {}
