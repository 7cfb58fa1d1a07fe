package dev.calls.media.api;

/**
 * The media engine's outbound connection factory, bound in JNDI at {@link #JNDI_NAME} by the resource
 * adapter registration. Services inject it with {@code @Resource(lookup = MediaConnectionFactory.JNDI_NAME)}.
 */
public interface MediaConnectionFactory {

    String JNDI_NAME = "java:/calls/media";

    /** A handle on the engine; close it when done (try-with-resources). */
    MediaConnection getConnection() throws MediaException;
}
