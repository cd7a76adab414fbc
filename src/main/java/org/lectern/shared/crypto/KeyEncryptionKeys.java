package org.lectern.shared.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.UUID;

/**
 * The key-encryption keys of the programmes' data keys: one small file per data key in the key
 * directory ({@code LECTERN_KEY_DIR}), each a Tink AES-256-GCM keyset encrypted by the
 * installation's personal-data key. They live outside the database on purpose: a database dump
 * holds the wrapped data keys but never what opens them, so deleting the file (on a purge) makes
 * every copy of the programme's ciphertexts unreadable. Several nodes must share the directory.
 */
final class KeyEncryptionKeys {

  private final Path directory;
  private final Aead installation;

  KeyEncryptionKeys(Path directory, Aead installation) {
    this.directory = directory;
    this.installation = installation;
  }

  /** Creates, stores and returns a new key-encryption key for the data key {@code id}. */
  Aead create(UUID id) throws GeneralSecurityException {
    KeysetHandle kek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    byte[] sealed = TinkProtoKeysetFormat.serializeEncryptedKeyset(kek, installation, ad(id));
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempFile(directory, "new-", ".tmp");
      restrict(tmp);
      Files.write(tmp, sealed);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file(id), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write a key file in " + directory, e);
    }
    return kek.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /** The key-encryption key of data key {@code id}; empty when its file is gone. */
  Optional<Aead> open(UUID id) throws GeneralSecurityException {
    Path f = file(id);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      KeysetHandle kek =
          TinkProtoKeysetFormat.parseEncryptedKeyset(Files.readAllBytes(f), installation, ad(id));
      return Optional.of(kek.getPrimitive(RegistryConfiguration.get(), Aead.class));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the key file " + f, e);
    }
  }

  /**
   * Overwrites the file with zeros, forces it to the disk and deletes it. (On copy-on-write or
   * flash storage the old blocks may survive the overwrite; SECURITY.md says what that means.)
   */
  void destroy(UUID id) {
    Path f = file(id);
    try {
      if (Files.exists(f)) {
        long size = Files.size(f);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
          ch.write(ByteBuffer.allocate((int) Math.max(size, 1)), 0);
          ch.force(true);
        }
      }
      Files.deleteIfExists(f);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot destroy the key file " + f, e);
    }
  }

  Path file(UUID id) {
    return directory.resolve(id + ".key");
  }

  private static void restrict(Path f) throws IOException {
    try {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // a file system without POSIX permissions: the directory's protection applies
    }
  }

  private static byte[] ad(UUID id) {
    return ("lectern:programme-kek:" + id).getBytes(StandardCharsets.UTF_8);
  }
}
