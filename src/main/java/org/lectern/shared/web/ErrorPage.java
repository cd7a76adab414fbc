package org.lectern.shared.web;

/** What the error page shows: the status and a message in the visitor's language. */
public record ErrorPage(int status, String message) {}
