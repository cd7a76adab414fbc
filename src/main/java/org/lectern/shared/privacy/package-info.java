/** The contract between features and the retention module for removing personal data. */
package org.lectern.shared.privacy;
