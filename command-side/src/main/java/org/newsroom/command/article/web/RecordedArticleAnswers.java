package org.newsroom.command.article.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.EventLogStorageEngine.RecordedRequest;
import org.newsroom.platform.idempotency.RecordedAnswers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The answer an article write gave, rebuilt from the commit it recorded, exactly as {@link ArticleCommandController}
 * wrote it: a draft's 201 with its Location and {@code {id, version}}, a photo's 201 with its Location and
 * {@code {photoId, version}}, a comment's 201 with {@code {commentId, version}}, a schedule's
 * {@code {scheduleId, version}}, a publication's {@code {version, publicationNumber, url}}, any other write's
 * {@code {version}}; always {@code ETag} and {@code Newsroom-Position}.
 */
@Component
class RecordedArticleAnswers implements RecordedAnswers {

    private static final String ARTICLES = "/api/articles";

    private final EventLogStorageEngine log;
    private final ObjectMapper json;

    RecordedArticleAnswers(EventLogStorageEngine log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    @Override
    public Optional<Answer> answer(HttpServletRequest request, String idempotentRequest) {
        if (!request.getRequestURI().startsWith(ARTICLES)) {
            return Optional.empty();
        }
        return log.recordedRequest(idempotentRequest).map(recorded -> answer(request, recorded));
    }

    private Answer answer(HttpServletRequest request, RecordedRequest recorded) {
        String path = request.getRequestURI();
        boolean post = "POST".equals(request.getMethod());
        long version = recorded.lastSequenceNumber() + 1;
        String article = recorded.aggregateId();
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {HttpHeaders.ETAG, "\"" + version + "\""});
        headers.add(new String[] {ArticleCommandController.POSITION_HEADER, String.valueOf(recorded.lastPosition())});
        headers.add(new String[] {HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE});
        Document payload = recorded.lastPayload();
        if (post && path.equals(ARTICLES)) {
            headers.add(new String[] {
                HttpHeaders.LOCATION,
                ArticleCommandController.articleLocation(article).toString()
            });
            return new Answer(HttpStatus.CREATED.value(), headers, body(new Answers.DraftAnswer(article, version)));
        }
        if (post && path.endsWith("/photos")) {
            String photo = payload.getString("photoId");
            headers.add(new String[] {
                HttpHeaders.LOCATION,
                ArticleCommandController.photoLocation(article, photo).toString()
            });
            return new Answer(HttpStatus.CREATED.value(), headers, body(new Answers.PhotoAnswer(photo, version)));
        }
        if (post && path.endsWith("/comments")) {
            return new Answer(
                    HttpStatus.CREATED.value(),
                    headers,
                    body(new Answers.CommentAnswer(payload.getString("commentId"), version)));
        }
        if ("PUT".equals(request.getMethod()) && path.endsWith("/schedule")) {
            return new Answer(
                    HttpStatus.OK.value(),
                    headers,
                    body(new Answers.ScheduleAnswer(payload.getString("scheduleId"), version)));
        }
        if (post && path.endsWith("/publish")) {
            return new Answer(
                    HttpStatus.OK.value(),
                    headers,
                    body(new Answers.PublicationAnswer(
                            version,
                            payload.get("publicationNumber", Number.class).intValue(),
                            ArticleCommandController.sitePath(payload.getString("slug")))));
        }
        return new Answer(HttpStatus.OK.value(), headers, body(new Answers.VersionAnswer(version)));
    }

    private byte[] body(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + answer, e);
        }
    }
}
