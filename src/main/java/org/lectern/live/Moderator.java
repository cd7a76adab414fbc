package org.lectern.live;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler's {@link Viewer} parameter: the viewer must moderate the room; to anyone else the
 * room's console does not exist (404) — see {@link ViewerArguments}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@interface Moderator {}
