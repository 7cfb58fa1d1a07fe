package dev.calls.media.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The adapter's {@code @ConfigProperty} annotations are the one source of each setting's default: the shipped
 * configuration script registers every property with it, and the settings tables of the README and the admin
 * guide list every property with it, so none of them can drift from the adapter.
 */
class SettingsDefaultsTest {

    private static final Map<String, String> DECLARED = ConfigProperties.defaults(MediaResourceAdapter.class);

    private static final Pattern CLI_REGISTRATION = Pattern.compile(
            "^\\s*/subsystem=resource-adapters/resource-adapter=calls-media/config-properties=(\\w+):add\\(value=(.*)\\)$",
            Pattern.MULTILINE);

    /** A table row: the property in backticks, then its default (in backticks where it holds JSON). */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(\\w+)` \\| `?(.*?)`? \\|", Pattern.MULTILINE);

    @Test
    void theConfigurationScriptRegistersEveryPropertyWithItsDefault() throws IOException {
        String script = Files.readString(Path.of("..", "calls-server", "src", "main", "cli", "configure.cli"));
        Map<String, String> registered = new TreeMap<>();
        Matcher line = CLI_REGISTRATION.matcher(script);
        while (line.find()) {
            registered.put(line.group(1), unquote(line.group(2)));
        }
        assertEquals(DECLARED, registered, "configure.cli's config-properties");
    }

    @Test
    void theReadmesConfigurationTableListsEveryPropertyWithItsDefault() throws IOException {
        assertEquals(DECLARED, table(Path.of("..", "README.md"), "## Configuration"), "README.md, Configuration");
    }

    @Test
    void theAdminGuidesSettingsTableListsEveryPropertyWithItsDefault() throws IOException {
        assertEquals(DECLARED, table(Path.of("..", "docs", "admin-guide.md"), "## Changing a setting"),
                "docs/admin-guide.md, Changing a setting");
    }

    /** The first column and the default of every row of the section's tables. */
    private static Map<String, String> table(Path document, String heading) throws IOException {
        String text = Files.readString(document);
        int start = text.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, document + " has no \"" + heading + "\" section");
        int end = text.indexOf("\n## ", start + 1);
        Matcher row = TABLE_ROW.matcher(end < 0 ? text.substring(start) : text.substring(start, end));
        Map<String, String> defaults = new TreeMap<>();
        while (row.find()) {
            defaults.put(row.group(1), row.group(2));
        }
        return defaults;
    }

    /** A CLI value: as written, or in double quotes with its inner quotes escaped. */
    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }
}
