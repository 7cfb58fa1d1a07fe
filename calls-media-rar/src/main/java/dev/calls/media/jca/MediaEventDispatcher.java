package dev.calls.media.jca;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import org.jboss.logging.Logger;

import dev.calls.limits.Limit;
import dev.calls.media.MediaEventSink;
import dev.calls.media.api.MediaEvent;
import dev.calls.media.api.MediaEventListener;

/**
 * Carries engine events from media threads to the activated message-driven beans: media threads only
 * queue (a full queue drops and counts), and one container thread delivers in order, so a session's
 * events reach the beans in the order they happened.
 */
final class MediaEventDispatcher implements MediaEventSink, Runnable {

    private static final Logger LOG = Logger.getLogger(MediaEventDispatcher.class);

    private final BlockingQueue<MediaEvent> queue = new ArrayBlockingQueue<>(Limit.MEDIA_EVENT_QUEUE.value());
    private final List<MessageEndpointFactory> endpoints = new CopyOnWriteArrayList<>();
    private final LongAdder dropped = new LongAdder();
    private volatile boolean running = true;

    void activate(MessageEndpointFactory factory) {
        endpoints.add(factory);
    }

    void deactivate(MessageEndpointFactory factory) {
        endpoints.remove(factory);
    }

    @Override
    public void publish(MediaEvent event) {
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    @Override
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public void run() {
        try {
            while (running) {
                MediaEvent event = queue.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    deliver(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        running = false;
    }

    private void deliver(MediaEvent event) {
        if (endpoints.isEmpty()) {
            LOG.debugf("no listener for media event %s", event);
        }
        for (MessageEndpointFactory factory : endpoints) {
            MessageEndpoint endpoint;
            try {
                endpoint = factory.createEndpoint(null);
            } catch (UnavailableException e) {
                LOG.warnf("media event %s not delivered: listener unavailable: %s", event.type(), e.getMessage());
                continue;
            }
            try {
                ((MediaEventListener) endpoint).onMediaEvent(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "media event listener failed on %s", event);
            } finally {
                endpoint.release();
            }
        }
    }
}
