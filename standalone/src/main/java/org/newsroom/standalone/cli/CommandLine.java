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
 * A command's arguments: the command ({@code args[0]}), its plain arguments, and its options, {@code --name=value} or
 * {@code --name value} (a name may be given several times), or a bare {@code --flag} among {@link #FLAGS}; a setting
 * is read from its option, else from its environment variable, as the application reads its own.
 */
final class CommandLine {

    /** The options that take no value, so that the argument after one is not taken for its value. */
    static final Set<String> FLAGS = Set.of("no-checkpoint");

    private final String command;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();
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
                String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (!FLAGS.contains(name) && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    value = "true";
                }
                line.options.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
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

    /** Fails if the command was given plain arguments: it takes options only. */
    void requireNoArguments(String usage) {
        if (!arguments.isEmpty()) {
            throw new CommandFailed("unexpected " + arguments + "; usage: java -jar newsroom.jar " + usage);
        }
    }

    /** An environment variable, if set and not blank. */
    Optional<String> environment(String variable) {
        return Optional.ofNullable(environment.get(variable)).filter(value -> !value.isBlank());
    }

    /** The one file the command works on, e.g. {@code export FILE}. */
    Path file(String usage) {
        if (arguments.size() != 1) {
            throw new CommandFailed("usage: java -jar newsroom.jar " + usage);
        }
        return Path.of(arguments.get(0)).toAbsolutePath();
    }

    /** The option's value; given more than once, the last. */
    Optional<String> option(String name) {
        List<String> values = options(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** Every value the option was given, in order. */
    List<String> options(String name) {
        return options.getOrDefault(name, List.of()).stream()
                .filter(value -> !value.isBlank())
                .toList();
    }

    boolean flag(String name) {
        return option(name).map(Boolean::parseBoolean).orElse(false);
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
