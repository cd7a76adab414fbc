package org.lectern.certificate;

import java.util.List;
import java.util.UUID;

/**
 * Who completed a programme: the one thing certificates need from attendance. An adapter over the
 * attendance module implements it, so eligibility can be built and tested on its own.
 */
public interface CompletionSource {

  /** One entry per registration the attendance module knows for the programme (any order). */
  List<Completion> of(UUID programmeId);
}
