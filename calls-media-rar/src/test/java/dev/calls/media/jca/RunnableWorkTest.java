package dev.calls.media.jca;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/** An Error that ends engine work (out of memory) is logged at error level and passed on, never swallowed. */
class RunnableWorkTest {

    @Test
    void anErrorIsLoggedAtErrorLevelAndRethrown() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
                // nothing buffered
            }

            @Override
            public void close() {
                // nothing held
            }
        };
        Logger logger = Logger.getLogger(RunnableWork.class.getName());
        logger.addHandler(handler);
        try {
            OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
            RunnableWork work = new RunnableWork(() -> {
                throw oom;
            }, () -> { });

            assertSame(oom, assertThrows(OutOfMemoryError.class, work::run));
            assertTrue(records.stream().anyMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() && r.getThrown() == oom),
                    "logged at error level: " + records);
        } finally {
            logger.removeHandler(handler);
        }
    }
}
