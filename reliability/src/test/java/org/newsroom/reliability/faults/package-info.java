/**
 * Faults the suite brings into the standalone jar's process on Spring Boot's loader path (never part of the product):
 * each an auto-configuration, off unless its property is set.
 */
@org.jspecify.annotations.NullMarked
package org.newsroom.reliability.faults;
