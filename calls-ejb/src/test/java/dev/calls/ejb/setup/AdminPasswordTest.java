package dev.calls.ejb.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPasswordTest {

    @TempDir
    Path dir;

    private static UnaryOperator<String> of(Map<String, String> values) {
        return values::get;
    }

    private static Optional<String> configured(Map<String, String> properties, Map<String, String> environment) {
        return AdminPassword.configured(of(properties), of(environment));
    }

    @Test
    void noneConfiguredIsEmpty() {
        assertEquals(Optional.empty(), configured(Map.of(), Map.of()));
        assertEquals(Optional.empty(), configured(Map.of(AdminPassword.PROPERTY, ""), Map.of(AdminPassword.VARIABLE, "")));
    }

    @Test
    void thePropertyThenTheVariableThenTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("pw"), "from-the-file\n");
        Map<String, String> environment = Map.of(AdminPassword.VARIABLE, "from-the-env", AdminPassword.FILE_VARIABLE, file.toString());
        assertEquals(Optional.of("from-the-property"), configured(Map.of(AdminPassword.PROPERTY, "from-the-property"), environment));
        assertEquals(Optional.of("from-the-env"), configured(Map.of(), environment));
        assertEquals(Optional.of("from-the-file"), configured(Map.of(), Map.of(AdminPassword.FILE_VARIABLE, file.toString())));
    }

    @Test
    void theFilePropertyNamesAFileToo() throws IOException {
        Path file = Files.writeString(dir.resolve("pw"), "windows line\r\n");
        assertEquals(Optional.of("windows line"), configured(Map.of(AdminPassword.FILE_PROPERTY, file.toString()), Map.of()));
    }

    @Test
    void onlyOneTrailingLineBreakIsDropped() throws IOException {
        Path file = Files.writeString(dir.resolve("pw"), " spaced pw \n\n");
        assertEquals(Optional.of(" spaced pw \n"), configured(Map.of(), Map.of(AdminPassword.FILE_VARIABLE, file.toString())));
    }

    @Test
    void aNamedFileThatIsMissingEmptyOrHugeStopsTheStart() throws IOException {
        Path missing = dir.resolve("missing");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path huge = Files.writeString(dir.resolve("huge"), "x".repeat(10_000));
        for (Path file : new Path[] {missing, empty, huge}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> configured(Map.of(), Map.of(AdminPassword.FILE_VARIABLE, file.toString())));
            assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
            assertFalse(refused.getMessage().contains("xxxx"), "the message never shows the file's content");
        }
    }
}
