package dev.mixauth.server.vault;

import java.time.Instant;

/**
 * One recorded credential change or rejected request. It never contains a secret: at most a key hint
 * in {@code detail}.
 */
public record AuditEvent(
    Instant at, String operation, String provider, String outcome, String client, String detail) {}
