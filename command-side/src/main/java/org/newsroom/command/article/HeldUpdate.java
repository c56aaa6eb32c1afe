package org.newsroom.command.article;

import org.newsroom.article.AgencyItem;
import org.newsroom.article.ArticleContent;

/** An agency version waiting for an editor: where it came from and the content it would make the working copy. */
record HeldUpdate(AgencyItem item, ArticleContent content) {}
