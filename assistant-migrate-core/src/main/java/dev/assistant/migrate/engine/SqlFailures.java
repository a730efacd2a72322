package dev.assistant.migrate.engine;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** What a failed statement's {@link SQLException} says, as messages quote it. */
final class SqlFailures {

    private SqlFailures() {
    }

    /** The server's own message of a failure: the primary text, with detail and hint when it sends them. */
    static String serverMessage(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null) {
            return Optional.ofNullable(e.getMessage()).orElse(e.toString());
        }
        StringBuilder message = new StringBuilder(Optional.ofNullable(server.getSeverity()).orElse("ERROR"))
                .append(": ").append(server.getMessage());
        if (server.getDetail() != null) {
            message.append(" (detail: ").append(server.getDetail()).append(')');
        }
        if (server.getHint() != null) {
            message.append(" (hint: ").append(server.getHint()).append(')');
        }
        return message.toString();
    }

    /**
     * The connection broke, or the server ended the session (shut down, terminated by an administrator, the database
     * dropped, an idle timeout): nothing about the statement itself.
     */
    static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("25P03"));
    }

    /** The role lacks a privilege: nothing about the statement's text, everything about who runs it. */
    static boolean isPrivilege(SQLException e) {
        return "42501".equals(e.getSQLState());
    }

    /**
     * The session may not write at all (25006): default_transaction_read_only for the database or the role, or a
     * standby server. Nothing about the statement either.
     */
    static boolean isReadOnly(SQLException e) {
        return "25006".equals(e.getSQLState());
    }
}
