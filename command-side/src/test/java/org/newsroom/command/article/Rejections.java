package org.newsroom.command.article;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

final class Rejections {

    private Rejections() {}

    static Matcher<ArticleRuleViolation> violation(String code) {
        return new RejectionMatcher<>(ArticleRuleViolation.class, code, null);
    }

    static Matcher<InvalidArticleContent> invalid(String code, String field) {
        return new RejectionMatcher<>(InvalidArticleContent.class, code, field);
    }

    private static final class RejectionMatcher<T extends ArticleCommandRejection> extends TypeSafeMatcher<T> {

        private final String code;
        private final String field;

        RejectionMatcher(Class<T> type, String code, String field) {
            super(type);
            this.code = code;
            this.field = field;
        }

        @Override
        protected boolean matchesSafely(T rejection) {
            boolean fieldMatches = field == null
                    || rejection instanceof InvalidArticleContent invalid
                            && invalid.field().equals(field);
            return rejection.code().equals(code)
                    && fieldMatches
                    && !rejection.getMessage().isBlank();
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("rejection with code " + code + (field == null ? "" : " on field " + field));
        }

        @Override
        protected void describeMismatchSafely(T rejection, Description description) {
            description.appendText("was " + rejection.code()
                    + (rejection instanceof InvalidArticleContent invalid ? " on field " + invalid.field() : "")
                    + ": " + rejection.getMessage());
        }
    }
}
