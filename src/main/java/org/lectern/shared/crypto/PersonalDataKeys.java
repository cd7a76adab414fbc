package org.lectern.shared.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import javax.sql.DataSource;
import org.lectern.shared.database.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the personal-data keys come from: LECTERN_DATA_KEY (base64 of the key file's content), else
 * {@code <data dir>/keys/personal-data.json}, generated on first start with a warning to back it
 * up. Losing the key means losing every delegate's personal data. The programmes' own data keys
 * (ADR 0022) are wrapped by key files in {@code LECTERN_KEY_DIR}, default {@code <data
 * dir>/keys/programmes}.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataKeys {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);

  /** The key file's JSON: one Tink keyset for encryption, one for blind indexes. */
  record KeyFile(String aead, String mac) {}

  @Bean
  PersonalDataCipher personalDataCipher(
      @Value("${lectern.data-key:}") String dataKey,
      @Value("${lectern.data-dir}") String dataDir,
      @Value("${lectern.key-dir:}") String keyDir,
      DataSource dataSource,
      Clock clock) {
    try {
      AeadConfig.register();
      MacConfig.register();
      KeyFile keys =
          dataKey.isBlank()
              ? fromFile(Path.of(dataDir, "keys", "personal-data.json"))
              : decode(dataKey);
      PersonalDataCipher cipher =
          new PersonalDataCipher(
              TinkJsonProtoKeysetFormat.parseKeyset(keys.aead(), InsecureSecretKeyAccess.get()),
              TinkJsonProtoKeysetFormat.parseKeyset(keys.mac(), InsecureSecretKeyAccess.get()));
      cipher.useProgrammeKeys(
          dataSource,
          keyDir.isBlank() ? Path.of(dataDir, "keys", "programmes") : Path.of(keyDir),
          clock);
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The personal-data key is not valid", e);
    }
  }

  private static KeyFile decode(String base64) {
    return Json.read(
        new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8),
        KeyFile.class);
  }

  private static KeyFile fromFile(Path file) throws GeneralSecurityException {
    try {
      if (Files.exists(file)) {
        return Json.read(Files.readString(file), KeyFile.class);
      }
      KeyFile generated = generate();
      Files.createDirectories(file.getParent());
      Files.writeString(file, Json.write(generated));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        log.debug("File system without POSIX permissions: {}", file);
      }
      log.warn(
          "Generated a new personal-data key in {}. BACK IT UP: without it, the personal data in"
              + " the database cannot be read. (Or set LECTERN_DATA_KEY.)",
          file.toAbsolutePath());
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the key file " + file, e);
    }
  }

  static KeyFile generate() throws GeneralSecurityException {
    AeadConfig.register();
    MacConfig.register();
    return new KeyFile(
        TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
            InsecureSecretKeyAccess.get()),
        TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
            InsecureSecretKeyAccess.get()));
  }
}
