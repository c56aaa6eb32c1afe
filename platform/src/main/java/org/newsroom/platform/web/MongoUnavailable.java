package org.newsroom.platform.web;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Recognises a failure that means "the database cannot be reached right now", however deeply it is wrapped. */
public final class MongoUnavailable {

    private MongoUnavailable() {}

    /** The database stopped answering while a write was on its way: it may or may not have been stored. */
    public static boolean outcomeUnknown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WriteOutcomeUnknown) {
                return true;
            }
        }
        return false;
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoTimeoutException
                    || cause instanceof MongoSocketException
                    || cause instanceof MongoNotPrimaryException
                    || cause instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }
}
