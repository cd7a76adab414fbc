package org.lectern.shared.web;

/** Implemented by principals that have a human name to show in the page header. */
public interface HasDisplayName {
  String displayName();
}
