package dev.calls.web.signaling;

import dev.calls.ejb.service.CallDrain;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebServlet;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Tells every participant before the server goes away (undeploy, reload, shutdown): joins are refused, every
 * running call ends with {@code call_end} reason {@code server_shutdown}, and each WebSocket closes with 1001
 * (going away, RFC 6455 section 7.4.1) after its frames — all within {@link #DRAIN_SECONDS}. It is a servlet,
 * mapped to no path, only for its {@code destroy}: the container destroys servlets before it tells the
 * context listeners, one of which is the WebSocket container closing every socket itself; the call services
 * it references are still there then.
 */
@WebServlet(name = "ShutdownDrain", loadOnStartup = 1)
public class ShutdownDrain extends GenericServlet {

    private static final long serialVersionUID = 1L;
    static final long DRAIN_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);

    /** An {@code @EJB} reference, so that the call services stop only after this ran. */
    @EJB
    transient CallDrain calls;

    @Inject
    transient Connections connections;

    @Override
    public void service(ServletRequest request, ServletResponse response) {
        throw new UnsupportedOperationException("mapped to no path");
    }

    @Override
    public void destroy() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        int ended = calls.endAll(deadline);
        try {
            connections.closeAll(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("Shutting down: ended %d call(s) and closed the signaling connections", ended);
    }
}
