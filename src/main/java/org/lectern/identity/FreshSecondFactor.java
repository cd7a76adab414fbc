package org.lectern.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sensitive handler (an export of personal data, a role grant, a purge, a key or policy
 * change): before it runs, the caller must have shown their second factor within the last ten
 * minutes, else they are asked again (see {@link StepUp}). Nothing runs until they have.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FreshSecondFactor {}
