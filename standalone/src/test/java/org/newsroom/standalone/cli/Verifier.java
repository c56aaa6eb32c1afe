package org.newsroom.standalone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.newsroom.eventlog.BsonJson;
import org.newsroom.eventlog.HashChain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The offline verifier, tools/verifier/newsroom_verify.py, run with python3 as an auditor runs it. */
final class Verifier {

    static final Path SCRIPT = Path.of("..", "tools", "verifier", "newsroom_verify.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Verifier() {}

    /** What it printed and how it ended. */
    record Run(int exit, String output) {}

    /** Runs it with {@code keys} (each as {@code --key}) and the command's arguments. */
    static Run run(List<String> keys, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        for (String key : keys) {
            command.add("--key");
            command.add(key);
        }
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        return new Run(process.exitValue(), output);
    }

    /**
     * An export's text with the actor of its first event rewritten (editor for reporter, or the other way) and the
     * event's hash recomputed, as someone with write access who read the hash chain's definition would: the chain
     * still holds, only a signed root can tell.
     */
    static String rewriteFirstEvent(String export) {
        StringBuilder out = new StringBuilder();
        boolean done = false;
        for (String text : export.split("\n")) {
            try {
                ObjectNode line = (ObjectNode) JSON.readTree(text);
                if (!done && line.path("kind").asText().equals("commit")) {
                    ObjectNode event = (ObjectNode) line.path("events").get(0);
                    ObjectNode metaData = (ObjectNode) event.path("metaData");
                    metaData.put("actor", metaData.path("actor").asText().equals("editor") ? "reporter" : "editor");
                    event.put(
                            "hash",
                            HashChain.hash(
                                    HashChain.GENESIS,
                                    event.path("position").asLong(),
                                    HashChain.canonical(
                                            line.path("aggregateType").asText(),
                                            line.path("aggregateId").asText(),
                                            BsonJson.toDocument(event))));
                    text = JSON.writeValueAsString(line);
                    done = true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.append(text).append('\n');
        }
        return out.toString();
    }
}
