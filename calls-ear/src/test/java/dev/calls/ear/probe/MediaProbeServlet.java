package dev.calls.ear.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.calls.media.api.MediaConnection;
import dev.calls.media.api.MediaConnectionFactory;
import dev.calls.media.api.MediaException;

/**
 * Test-only door to the media engine inside WildFly, through the connection factory the adapter binds:
 * {@code POST /offer/<call>/<session>} opens a session and answers the SDP offer in the body,
 * {@code POST /unmute/<session>} unmutes it, {@code GET /events} lists the events the MDB received.
 */
@WebServlet("/*")
public class MediaProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = MediaConnectionFactory.JNDI_NAME)
    private MediaConnectionFactory media;

    @Inject
    private ProbeEvents events;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo().substring(1).split("/");
        try (MediaConnection engine = media.getConnection()) {
            if (path[0].equals("offer")) {
                engine.openSession(path[1], path[2]);
                String offer = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                write(response, engine.acceptOffer(path[2], offer));
            } else if (path[0].equals("answer")) {
                engine.acceptAnswer(path[1], new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                write(response, "ok");
            } else if (path[0].equals("unmute")) {
                engine.setMuted(path[1], false);
                write(response, "ok");
            } else {
                response.sendError(404);
            }
        } catch (MediaException e) {
            response.sendError(400, e.errorId() + ": " + e.getMessage());
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, events.describe());
    }

    private static void write(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
