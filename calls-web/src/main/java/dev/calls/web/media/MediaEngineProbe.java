package dev.calls.web.media;

import java.util.function.Function;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.calls.media.api.EngineStats;
import dev.calls.media.api.EngineStatus;
import dev.calls.media.api.MediaConnection;
import dev.calls.media.api.MediaConnectionFactory;
import dev.calls.media.api.MediaException;

/**
 * Asks the media engine how it is. Looks the connection factory up on each call rather than injecting
 * it, so the web module deploys and can report "unhealthy" even while the resource adapter is down.
 */
@ApplicationScoped
public class MediaEngineProbe {

    /** The engine's status, or a not-running status when the adapter is absent or stopped. */
    public EngineStatus status() {
        return ask(MediaConnection::status, new EngineStatus(false, 0, "", 0));
    }

    /** The engine's counters, or none when the adapter is absent or stopped. */
    public EngineStats stats() {
        return ask(MediaConnection::stats, EngineStats.NONE);
    }

    private static <T> T ask(Function<MediaConnection, T> question, T unavailable) {
        try {
            MediaConnectionFactory factory = (MediaConnectionFactory) new InitialContext().lookup(MediaConnectionFactory.JNDI_NAME);
            try (MediaConnection connection = factory.getConnection()) {
                return question.apply(connection);
            }
        } catch (NamingException | MediaException | RuntimeException e) {
            return unavailable;
        }
    }
}
