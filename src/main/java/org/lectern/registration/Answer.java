package org.lectern.registration;

import java.util.List;
import java.util.UUID;

/** A delegate's answer: chosen values (kept in clear for reports) or free text (encrypted). */
public record Answer(UUID questionId, List<String> choices, String text) {}
