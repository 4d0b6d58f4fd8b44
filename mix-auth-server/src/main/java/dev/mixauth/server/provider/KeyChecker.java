package dev.mixauth.server.provider;

import dev.mixauth.server.vault.Secret;

/** Asks a provider whether an API key works, with one cheap authenticated call. */
public interface KeyChecker {
  KeyCheck check(String provider, Secret key);
}
