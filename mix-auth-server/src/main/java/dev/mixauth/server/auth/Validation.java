package dev.mixauth.server.auth;

/** Whether the preferred provider can be used now, and a sentence that says why or how to fix it. */
public record Validation(boolean valid, String provider, AuthMethod method, String message) {}
