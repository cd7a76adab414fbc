package org.lectern.identity;

import java.util.List;
import java.util.UUID;

/** The accounts page: one row per account, whether it is disabled, and what was just done. */
public record AccountsPage(List<AccountRow> accounts, UUID self, String notice) {}
