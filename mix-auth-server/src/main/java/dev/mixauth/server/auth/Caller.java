package dev.mixauth.server.auth;

/** Who made a request, for the audit trail: the client address as the server saw it. */
public record Caller(String address) {
  public static final Caller INTERNAL = new Caller("internal");
}
