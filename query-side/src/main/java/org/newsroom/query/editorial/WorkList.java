package org.newsroom.query.editorial;

import java.util.List;

/** A page of the work list and how many articles match in all. */
public record WorkList(List<WorkItem> items, int page, int size, long total) {}
