package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentTransactionsTest {

    private static byte[] id(int n) {
        byte[] buf = new byte[20];
        buf[8] = (byte) (n >>> 8);
        buf[19] = (byte) n;
        return buf;
    }

    @Test
    void aTransactionIdIsNewOnceThenSeen() {
        RecentTransactions recent = new RecentTransactions(4);
        assertTrue(recent.add(id(1), 8));
        assertFalse(recent.add(id(1), 8));
        assertTrue(recent.add(id(2), 8), "differs in the last byte only");
        assertTrue(recent.add(id(256), 8), "differs in the first byte only");
    }

    @Test
    void remembersOnlyTheMostRecent() {
        RecentTransactions recent = new RecentTransactions(4);
        for (int n = 1; n <= 5; n++) {
            assertTrue(recent.add(id(n), 8));
        }
        assertTrue(recent.add(id(1), 8), "the oldest was forgotten");
        assertFalse(recent.add(id(5), 8));
    }
}
