package dev.mixauth.server.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The data folder: created with mode 0700, and every file in it kept at mode 0600. */
public final class DataDirectory {
  private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {}

  /** Creates the folder if needed and restricts it to its owner. */
  public static void prepare(Path dir) {
    try {
      if (!Files.exists(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        log.info("Created the data folder {}", dir);
      }
      if (!Files.isDirectory(dir)) {
        throw new ConfigException("The data folder " + dir + " is not a folder; set MIX_AUTH_DATA_DIR to a folder.");
      }
      if (!Files.getPosixFilePermissions(dir).equals(OWNER_ONLY_DIR)) {
        Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        log.info("Restricted the data folder {} to its owner (mode 0700)", dir);
      }
    } catch (IOException e) {
      throw new ConfigException("Cannot prepare the data folder " + dir + ": " + e.getMessage()
          + ". Set MIX_AUTH_DATA_DIR or --data-dir to a folder you can write.");
    }
  }

  /**
   * Sets every store file in the folder to mode 0600. The key file is left alone, because the
   * keyset loader rejects a key file that others can read instead of silently repairing it.
   */
  public static void restrictFiles(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        if (Files.isRegularFile(file)
            && !file.getFileName().toString().equals("master.key")
            && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
          Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
      }
    } catch (IOException e) {
      throw new ConfigException("Cannot restrict the files in " + dir + ": " + e.getMessage());
    }
  }
}
