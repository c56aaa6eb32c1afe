package org.newsroom.command.dispatch;

import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Sends a command and waits for its committed {@link CommandOutcome}. */
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public CommandOutcome send(Object command) {
        return committed(command, gateway.sendAndWait(command));
    }

    /** Sends {@code command} as {@code actor}: work no signed-in user does in person (the ingest's agency copy). */
    public CommandOutcome sendAs(String actor, Object command) {
        return committed(
                command,
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(Map.of(CommandMetadata.ACTOR, actor))));
    }

    private static CommandOutcome committed(Object command, Object outcome) {
        if (outcome instanceof CommandOutcome committed) {
            return committed;
        }
        throw new IllegalStateException("command " + command.getClass().getSimpleName()
                + " was not handled through the command outcome interceptor");
    }
}
