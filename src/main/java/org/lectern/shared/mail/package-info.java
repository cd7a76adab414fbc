/** What features need to know about mail without calling the mail feature: ports it implements. */
package org.lectern.shared.mail;
