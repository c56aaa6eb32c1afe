package org.newsroom.reliability.faults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;

/** Turns {@link PoisonedArticle} on when {@value PoisonedArticle#PROPERTY} names an article; nothing otherwise. */
@AutoConfiguration
@ConditionalOnExpression("!'${" + PoisonedArticle.PROPERTY + ":}'.isBlank()")
public class PoisonedArticleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PoisonedArticleConfiguration.class);

    @Bean
    PoisonedArticle poisonedArticle(@Value("${" + PoisonedArticle.PROPERTY + "}") String articleId) {
        PoisonedArticle fault = new PoisonedArticle(articleId);
        log.warn(
                "TEST FAULT {}={}: every live projection fails on this article's events",
                PoisonedArticle.PROPERTY,
                fault.articleId());
        return fault;
    }
}
