package dev.mixauth.server.vault;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the keyset that encrypts the store: the {@code MIX_AUTH_MASTER_KEY} value when it is set
 * (a Tink JSON keyset, or that JSON in base64), otherwise the key file in the data folder, which
 * is created with mode 0600 on first start.
 */
public final class KeysetSource {
  public static final String KEY_FILE_NAME = "master.key";

  private static final Logger log = LoggerFactory.getLogger(KeysetSource.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private KeysetSource() {}

  /**
   * Loads or creates the keyset.
   *
   * @param masterKey the value of {@code MIX_AUTH_MASTER_KEY}, if set
   * @param keyFile where the key file lives or is created
   * @param storeHasSecrets whether the store already contains ciphertext. A missing key file is
   *     then an error, because a new key could never decrypt the existing rows
   */
  public static KeysetHandle load(Optional<Secret> masterKey, Path keyFile, boolean storeHasSecrets) {
    register();
    if (masterKey.isPresent()) {
      log.info("Using the keyset from MIX_AUTH_MASTER_KEY");
      return parse(masterKey.get().reveal(), "MIX_AUTH_MASTER_KEY");
    }
    if (Files.exists(keyFile)) {
      checkPermissions(keyFile);
      return parse(read(keyFile), keyFile.toString());
    }
    if (storeHasSecrets) {
      throw new VaultException(
          "The store contains encrypted credentials but the key file "
              + keyFile
              + " is missing. Restore the key file, or set MIX_AUTH_MASTER_KEY to the keyset the"
              + " store was written with; a new key could not decrypt the existing credentials.");
    }
    return create(keyFile);
  }

  /** Returns a new AES-256-GCM keyset. */
  public static KeysetHandle generate() {
    register();
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new VaultException("Could not generate a new AES-256-GCM key", e);
    }
  }

  /** Serialises a keyset as Tink JSON, the format of the key file and of MIX_AUTH_MASTER_KEY. */
  public static String toJson(KeysetHandle keyset) {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new VaultException("Could not serialise the keyset", e);
    }
  }

  /** Writes a keyset to a key file readable by its owner only, replacing the file atomically. */
  public static void write(KeysetHandle keyset, Path keyFile) {
    Path temporary = keyFile.resolveSibling(keyFile.getFileName() + ".new");
    try {
      Files.deleteIfExists(temporary);
      Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(temporary, toJson(keyset), StandardCharsets.UTF_8);
      Files.move(
          temporary,
          keyFile,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new VaultException("Could not write the key file " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private static KeysetHandle create(Path keyFile) {
    KeysetHandle keyset = generate();
    try {
      Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(keyFile, toJson(keyset), StandardCharsets.UTF_8);
    } catch (FileAlreadyExistsException e) {
      checkPermissions(keyFile);
      return parse(read(keyFile), keyFile.toString());
    } catch (IOException e) {
      throw new VaultException("Could not create the key file " + keyFile + ": " + e.getMessage(), e);
    }
    log.info("Created a new key file at {}", keyFile);
    return keyset;
  }

  private static void checkPermissions(Path keyFile) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(keyFile);
    } catch (IOException | UnsupportedOperationException e) {
      throw new VaultException("Could not read the permissions of " + keyFile + ": " + e.getMessage(), e);
    }
    boolean othersCanRead =
        permissions.contains(PosixFilePermission.GROUP_READ)
            || permissions.contains(PosixFilePermission.OTHERS_READ)
            || permissions.contains(PosixFilePermission.GROUP_WRITE)
            || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    if (othersCanRead) {
      throw new VaultException(
          "The key file "
              + keyFile
              + " is accessible to other users (mode "
              + PosixFilePermissions.toString(permissions)
              + "). Restrict it with: chmod 600 "
              + keyFile);
    }
  }

  private static String read(Path keyFile) {
    try {
      return Files.readString(keyFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new VaultException("Could not read the key file " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private static KeysetHandle parse(String text, String origin) {
    String json = text.strip();
    if (!json.startsWith("{")) {
      try {
        json = new String(Base64.getDecoder().decode(json), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new VaultException(
            "The keyset in " + origin + " is neither Tink JSON nor base64-encoded Tink JSON", e);
      }
    }
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new VaultException("The keyset in " + origin + " is not a valid Tink keyset", e);
    }
  }

  private static void register() {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new VaultException("Could not register Tink's AEAD primitives", e);
    }
  }
}
