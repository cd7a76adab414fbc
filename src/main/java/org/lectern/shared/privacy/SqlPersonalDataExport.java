package org.lectern.shared.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lectern.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link PersonalDataExport} read with SQL from its feature's tables: its section's name, nothing
 * for no registrations, otherwise the rows {@link #rows} finds for them.
 */
public abstract class SqlPersonalDataExport implements PersonalDataExport {

  private final String section;
  protected final JdbcClient jdbc;
  protected final PersonalDataCipher cipher;

  protected SqlPersonalDataExport(String section, JdbcClient jdbc, PersonalDataCipher cipher) {
    this.section = section;
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public final String section() {
    return section;
  }

  @Override
  public final List<Map<String, Object>> export(Collection<UUID> registrationIds) {
    return registrationIds.isEmpty() ? List.of() : rows(List.copyOf(registrationIds));
  }

  /** One map per record of these registrations (never none), its fields in a stable order. */
  protected abstract List<Map<String, Object>> rows(List<UUID> ids);
}
