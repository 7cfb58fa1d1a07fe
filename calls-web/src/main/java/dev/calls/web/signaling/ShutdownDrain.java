package dev.calls.web.signaling;

import dev.calls.ejb.service.CallDrain;
import jakarta.inject.Inject;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebServlet;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Closes every signaling WebSocket with 1001 (going away, RFC 6455 section 7.4.1) when the server goes away
 * (undeploy, reload, shutdown), once the calls ended ({@link CallDrain}, within
 * {@link CallDrain#DRAIN_SECONDS}) and their {@code call_end}s (reason {@code server_shutdown}) went out. It
 * is a servlet, mapped to no path, only for its {@code destroy}: the container destroys servlets before it
 * tells the context listeners, one of which is the WebSocket container closing every socket itself.
 */
@WebServlet(name = "ShutdownDrain", loadOnStartup = 1)
public class ShutdownDrain extends GenericServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);

    @Inject
    transient CallDrain calls;

    @Inject
    transient Connections connections;

    @Override
    public void service(ServletRequest request, ServletResponse response) {
        throw new UnsupportedOperationException("mapped to no path");
    }

    @Override
    public void destroy() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CallDrain.DRAIN_SECONDS);
        try {
            if (!calls.awaitEnded(deadline)) {
                LOG.warnf("Shutting down: the calls did not end within %d s; closing the signaling connections", CallDrain.DRAIN_SECONDS);
            }
            connections.closeAll(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Shutting down: signaling connections closed");
    }
}
