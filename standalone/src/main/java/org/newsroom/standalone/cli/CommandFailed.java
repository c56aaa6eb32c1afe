package org.newsroom.standalone.cli;

/** A command that cannot do what it was asked: its message says why, for the person who ran it; exit code 1. */
final class CommandFailed extends RuntimeException {

    CommandFailed(String message) {
        super(message);
    }

    CommandFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
