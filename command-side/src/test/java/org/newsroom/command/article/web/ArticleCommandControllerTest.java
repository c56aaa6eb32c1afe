package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsroom.command.article.ReviseArticle;
import org.newsroom.command.dispatch.CommandSender;
import org.newsroom.command.ingest.IngestedItems;
import org.newsroom.command.media.MediaLibrary;
import org.newsroom.eventlog.AppendOutcomeUnknown;
import org.newsroom.platform.web.ProblemDetailsAdvice;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

/** How failures that the ITs cannot provoke on demand are answered: a lost database, a bug, a wrapped rejection. */
class ArticleCommandControllerTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ArticleCommandController(
                    new CommandSender(gateway),
                    new DeskSettings(true, null),
                    Clock.systemUTC(),
                    mock(MediaLibrary.class),
                    mock(IngestedItems.class)))
            .setControllerAdvice(new ArticleCommandProblems(), new ProblemDetailsAdvice())
            .setCustomArgumentResolvers(new IfMatchResolver())
            .build();

    private ResultActions revise(RuntimeException failure, String... ifMatch) throws Exception {
        doThrow(failure).when(gateway).sendAndWait(any());
        var request = patch("/api/articles/a1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"headline\":\"New\"}");
        if (ifMatch.length > 0) {
            request.header("If-Match", ifMatch[0]);
        }
        return mvc.perform(request);
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() throws Exception {
        revise(new MongoTimeoutException("Timed out after 3000 ms while waiting for a server"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("service-unavailable"));
    }

    @Test
    void anEventLogThatLostItsDatabaseIs503() throws Exception {
        revise(new EventStoreException(
                        "could not append to the event log",
                        new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress())))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("service-unavailable"));
    }

    @Test
    void anAppendWhoseOutcomeIsUnknownIs503SayingSo() throws Exception {
        revise(new AppendOutcomeUnknown(
                        "could not append to the event log",
                        new MongoSocketReadTimeoutException(
                                "Timeout while receiving message", new ServerAddress(), null)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("outcome-unknown"));
    }

    @Test
    void anUnexpectedFailureIs500WithoutItsMessage() throws Exception {
        String body = revise(new IllegalStateException("secret table name users_v2"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("internal-error"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain("secret", "users_v2", "IllegalStateException");
    }

    @Test
    void aConcurrentAppendIs409ConcurrentChange() throws Exception {
        revise(new ConcurrencyException("sequence taken"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("concurrent-change"));
        revise(new AggregateStreamCreationException("exists"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("concurrent-change"));
    }

    @Test
    void aWrappedRejectionIsAnsweredForItsCause() throws Exception {
        revise(new CommandExecutionException("remote", new ConcurrencyException("sequence taken")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("concurrent-change"));
        revise(new CommandExecutionException("remote", new IllegalStateException("secret")))
                .andExpect(status().isInternalServerError());
    }

    @Test
    void severalIfMatchHeadersAreOneInvalidListAndSendNothing() throws Exception {
        mvc.perform(patch("/api/articles/a1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"headline\":\"New\"}")
                        .header("If-Match", "\"1\"", "\"2\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid-if-match"));

        org.mockito.Mockito.verifyNoInteractions(gateway);
    }

    @Test
    void sendsIfMatchAsTheExpectedAggregateVersion() throws Exception {
        revise(new ConcurrencyException("stop here"), "\"4\"");

        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        org.mockito.Mockito.verify(gateway).sendAndWait(command.capture());
        assertThat(command.getValue()).isInstanceOfSatisfying(ReviseArticle.class, revise -> {
            assertThat(revise.expectedVersion()).isEqualTo(3L);
            assertThat(revise.headline()).isEqualTo("New");
        });
    }
}
