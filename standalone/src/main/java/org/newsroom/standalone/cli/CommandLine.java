package org.newsroom.standalone.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A command's arguments: the command ({@code args[0]}), its plain arguments, and its {@code --name=value} options; a
 * setting is read from its option, else from its environment variable, as the application reads its own.
 */
final class CommandLine {

    private final String command;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, String> environment;

    private CommandLine(String command, Map<String, String> environment) {
        this.command = command;
        this.environment = Map.copyOf(environment);
    }

    static CommandLine parse(String[] args, Map<String, String> environment) {
        CommandLine line = new CommandLine(args.length == 0 ? "" : args[0], environment);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                line.options.put(
                        equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                        equals < 0 ? "true" : arg.substring(equals + 1));
            } else {
                line.arguments.add(arg);
            }
        }
        return line;
    }

    String command() {
        return command;
    }

    /** Fails on any option not named here: a mistyped option must not be silently ignored. */
    void allowOnly(Set<String> known) {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new CommandFailed("unknown option "
                    + unknown.stream().map(name -> "--" + name).toList() + "; see: java -jar newsroom.jar help");
        }
    }

    /** The one file the command works on, e.g. {@code export FILE}. */
    Path file(String usage) {
        if (arguments.size() != 1) {
            throw new CommandFailed("usage: java -jar newsroom.jar " + usage);
        }
        return Path.of(arguments.get(0)).toAbsolutePath();
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(value -> !value.isBlank());
    }

    /** {@code --property=value}, else the environment variable, else nothing. */
    Optional<String> setting(String property, String variable) {
        return option(property)
                .or(() -> Optional.ofNullable(environment.get(variable)).filter(value -> !value.isBlank()));
    }

    String setting(String property, String variable, String fallback) {
        return setting(property, variable).orElse(fallback);
    }
}
