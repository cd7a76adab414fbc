package org.lectern.programme;

import java.util.List;
import org.lectern.shared.error.DomainException;
import org.lectern.shared.error.FieldProblem;

/**
 * A programme was created without saying for which organisation, and the caller has several (the
 * message names them) or none (the message tells how to set one up). Answered with 422.
 */
class OrganisationRequired extends DomainException {

  OrganisationRequired(String code, String organisations) {
    super(code, List.of(new FieldProblem("organisationId", code, organisations)), organisations);
  }
}
