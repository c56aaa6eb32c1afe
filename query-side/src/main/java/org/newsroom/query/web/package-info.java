/** What every query route shares: RFC 7807 errors and read-your-writes ({@code ?atLeast=}). */
package org.newsroom.query.web;
