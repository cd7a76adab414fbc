package org.lectern.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.audit.AuditLog;
import org.lectern.identity.LecternUser;
import org.lectern.shared.database.Transactions;
import org.lectern.shared.error.ConflictException;
import org.lectern.shared.error.ForbiddenException;
import org.lectern.shared.error.InvalidInputException;
import org.lectern.shared.error.NotFoundException;
import org.lectern.shared.i18n.LocalizedText;
import org.lectern.shared.text.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Organisations that organise, partner in or fund programmes: platform administrators create them;
 * their ADMINs change their settings. Another organisation's is "not found" (404).
 */
@Service
public record OrganisationService(
    OrganisationRepository organisations,
    OrganisationRoster members,
    AuditLog audit,
    ApplicationEventPublisher events,
    Transactions transactions) {

  public static final List<String> DEFAULT_MAIN_CENTRES = List.of("KZ-75", "KZ-71");

  /** A page of results with the total for {@code X-Total-Count}. */
  public record Page<T>(List<T> items, int total) {}

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

  /** True on a fresh installation: nothing can be organised until an organisation is set up. */
  public boolean none() {
    return !organisations.any();
  }

  /** The organisations the user belongs to (for a platform administrator too: their own). */
  public List<Organisation> ofMember(LecternUser user) {
    return user == null ? List.of() : organisations.findAll(members.organisationsOf(user.id()));
  }

  /** The caller's organisations; every one for a platform administrator. */
  public Page<Organisation> visibleTo(LecternUser user, int limit, int offset) {
    if (user.platformAdmin()) {
      return new Page<>(organisations.page(limit, offset), organisations.count());
    }
    List<Organisation> own = ofMember(user);
    return new Page<>(own.stream().skip(offset).limit(limit).toList(), own.size());
  }

  /** The organisation if the user belongs to it (or administers the platform), else 404. */
  public Organisation visible(LecternUser user, UUID id) {
    Organisation o =
        organisations.find(id).orElseThrow(() -> new NotFoundException("organisation.notFound"));
    if (user == null || !(user.platformAdmin() || members.roleOf(id, user.id()).isPresent())) {
      throw new NotFoundException("organisation.notFound");
    }
    return o;
  }

  /** Whether the user may change the organisation's settings and members. */
  public boolean canAdminister(LecternUser user, UUID id) {
    return user != null
        && (user.platformAdmin()
            || members.roleOf(id, user.id()).filter(r -> r == OrganisationRole.ADMIN).isPresent());
  }

  /** The organisation if the user administers it; 404 for strangers, 403 for its MEMBERs. */
  public Organisation administrable(LecternUser user, UUID id) {
    Organisation o = visible(user, id);
    if (!canAdminister(user, id)) {
      throw new ForbiddenException("organisation.forbidden");
    }
    return o;
  }

  /**
   * A platform administrator sets up an organisation and becomes its ADMIN. Without a slug one is
   * made from the name (numbered when taken); a chosen slug that is taken is refused.
   */
  public Organisation create(LecternUser actor, String slug, OrganisationSettings settings) {
    return transactions.result(
        () -> {
          if (actor == null || !actor.platformAdmin()) {
            throw new ForbiddenException("organisation.createForbidden");
          }
          boolean chosen = slug != null && !slug.isBlank();
          String base = chosen ? slug.strip() : OrganisationSlugs.from(settings.name());
          if (chosen && !Slugs.isValid(base)) {
            throw InvalidInputException.of("slug", "validation.slug");
          }
          for (int n = 1; n <= 50; n++) {
            String candidate = n == 1 ? base : OrganisationSlugs.numbered(base, n);
            Organisation o =
                new Organisation(
                    UUID.randomUUID(),
                    candidate,
                    settings.name(),
                    settings.website(),
                    settings.mainCentres(),
                    settings.shortName(),
                    settings.certificateSigner(),
                    settings.mailSenderName(),
                    null);
            if (organisations.insert(o)) {
              members.put(o.id(), actor.id(), OrganisationRole.ADMIN);
              record(actor, "organisation.created", o.id(), "slug=" + candidate);
              events.publishEvent(new OrganisationCreated(o.id(), o.signerName()));
              return o;
            }
            if (chosen) {
              throw InvalidInputException.of("slug", "organisation.slugTaken", candidate);
            }
          }
          throw InvalidInputException.of("slug", "organisation.slugTaken", base);
        });
  }

  public Organisation update(LecternUser actor, UUID id, OrganisationSettings settings) {
    return transactions.result(
        () -> {
          administrable(actor, id);
          organisations.updateSettings(id, settings);
          record(actor, "organisation.settingsChanged", id, null);
          return organisations.find(id).orElseThrow();
        });
  }

  /** Replaces the logo (an already checked one) or, with null, removes it. */
  public void setLogo(LecternUser actor, UUID id, OrganisationLogo logo) {
    transactions.run(
        () -> {
          administrable(actor, id);
          organisations.setLogo(id, logo);
          record(
              actor,
              logo == null ? "organisation.logoRemoved" : "organisation.logoChanged",
              id,
              logo == null ? null : "type=" + logo.contentType() + " bytes=" + logo.bytes().length);
        });
  }

  public Optional<OrganisationLogo> logo(String slug) {
    return organisations.logo(slug);
  }

  /**
   * Sets the regions that count as the organisation's main legal centres in reports. The caller
   * checks the actor's rights and that the codes are valid regions.
   */
  public void setMainCentres(UUID organisationId, List<String> centres) {
    transactions.run(() -> organisations.updateMainCentres(organisationId, List.copyOf(centres)));
  }

  /** For the demo and tests: an organisation with default settings and nobody in it yet. */
  public Organisation create(String slug, LocalizedText name, String website) {
    return transactions.result(
        () -> {
          var problems = new InvalidInputException.Collector();
          problems.check(Slugs.isValid(slug), "slug", "validation.slug");
          problems.check(!name.isEmpty(), "name", "validation.required");
          problems.throwIfAny();
          Organisation o =
              new Organisation(
                  UUID.randomUUID(),
                  slug,
                  name,
                  website,
                  DEFAULT_MAIN_CENTRES,
                  null,
                  null,
                  null,
                  null);
          if (!organisations.insert(o)) {
            throw new ConflictException("organisation.slugTaken", slug);
          }
          return o;
        });
  }

  private void record(LecternUser actor, String action, UUID organisationId, String details) {
    audit.record(
        new AuditLog.Record(
            actor.id(),
            actor.fullName(),
            action,
            organisationId,
            "organisation",
            organisationId.toString(),
            null,
            details));
  }
}
