package org.lectern.shared.session;

/**
 * A signed-in principal that names the owner of its browser sessions with an opaque value (an id or
 * a blind index, never an address): the session table's index, by which all sessions of one person
 * are listed and ended on every node.
 */
public interface SessionOwner {

  String sessionOwner();
}
