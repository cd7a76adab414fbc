package org.lectern.delegate;

import java.util.List;

/** Typed views of the delegate's data page and erasure page. */
public final class DelegateRightsPages {

  private DelegateRightsPages() {}

  /** The readable page: each section, each record as label and value. */
  public record MyDataPage(String email, List<Section> sections) {}

  public record Section(String name, List<List<Field>> records) {}

  public record Field(String name, String value) {}

  /** The erasure link's page: valid (a button), erased (how many), or not valid. */
  public record ErasurePage(String token, boolean valid, Integer erased) {}
}
