package org.lectern.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.text.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations that organise, partner in or fund programmes. */
@Service
public class OrganisationService {

  public static final List<String> DEFAULT_MAIN_CENTRES = List.of("KZ-75", "KZ-71");

  private final OrganisationRepository organisations;

  OrganisationService(OrganisationRepository organisations) {
    this.organisations = organisations;
  }

  public Optional<Organisation> find(UUID id) {
    return organisations.find(id);
  }

  public Optional<Organisation> findBySlug(String slug) {
    return organisations.findBySlug(slug);
  }

  public List<Organisation> findAll(Collection<UUID> ids) {
    return organisations.findAll(ids);
  }

  public List<Organisation> all() {
    return organisations.all();
  }

  /**
   * Sets the regions that count as the organisation's main legal centres in reports. The caller
   * checks the actor's rights and that the codes are valid regions.
   */
  @Transactional
  public void setMainCentres(UUID organisationId, List<String> centres) {
    organisations.updateMainCentres(organisationId, List.copyOf(centres));
  }

  @Transactional
  public Organisation create(String slug, LocalizedText name, String website) {
    var problems = new InvalidInputException.Collector();
    problems.check(Slugs.isValid(slug), "slug", "validation.slug");
    problems.check(!name.isEmpty(), "name", "validation.required");
    problems.throwIfAny();
    if (organisations.findBySlug(slug).isPresent()) {
      throw new ConflictException("organisation.slugTaken", slug);
    }
    Organisation o = new Organisation(UUID.randomUUID(), slug, name, website, DEFAULT_MAIN_CENTRES);
    organisations.insert(o);
    return o;
  }
}
