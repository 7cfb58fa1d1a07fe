package dev.calls.limits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The admin guide's "Limits" table names every limit with its default, so the two cannot drift apart. */
class LimitsTableTest {

    private static final Path GUIDE = Path.of("..", "docs", "admin-guide.md");

    @Test
    void everyLimitIsInTheAdminGuideWithItsDefault() throws IOException {
        String table = limitsSection(Files.readString(GUIDE));
        for (Limit limit : Limit.values()) {
            String row = "| `" + limit.property() + "` | " + limit.defaultValue() + " |";
            assertTrue(table.contains(row), "admin-guide.md's Limits table lacks the row " + row);
        }
    }

    private static String limitsSection(String guide) {
        int start = guide.indexOf("\n## Limits\n");
        assertTrue(start >= 0, "admin-guide.md has no \"## Limits\" section");
        int end = guide.indexOf("\n## ", start + 1);
        return end < 0 ? guide.substring(start) : guide.substring(start, end);
    }
}
