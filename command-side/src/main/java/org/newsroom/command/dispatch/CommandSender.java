package org.newsroom.command.dispatch;

import org.axonframework.commandhandling.gateway.CommandGateway;

/** Sends a command and waits for its committed {@link CommandOutcome}. */
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public CommandOutcome send(Object command) {
        Object outcome = gateway.sendAndWait(command);
        if (outcome instanceof CommandOutcome committed) {
            return committed;
        }
        throw new IllegalStateException("command " + command.getClass().getSimpleName()
                + " was not handled through the command outcome interceptor");
    }
}
