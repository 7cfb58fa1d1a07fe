package dev.calls.ejb.setup;

import dev.calls.limits.Limit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The administrator password an operator chose for the first start, from the first of: the system property
 * {@code calls.admin.password} (kept for compatibility: a command-line property is visible to every local
 * user in {@code ps}), the environment variable {@code CALLS_ADMIN_PASSWORD}, or the file named by the system
 * property {@code calls.admin.passwordFile} or the environment variable {@code CALLS_ADMIN_PASSWORD_FILE}
 * (for secrets mounted as files). A file's one trailing line break is not part of the password.
 */
final class AdminPassword {

    static final String PROPERTY = "calls.admin.password";
    static final String VARIABLE = "CALLS_ADMIN_PASSWORD";
    static final String FILE_PROPERTY = "calls.admin.passwordFile";
    static final String FILE_VARIABLE = "CALLS_ADMIN_PASSWORD_FILE";

    /** The longest file that can hold a password: every character four UTF-8 bytes, then CR LF. */
    private static final long MAX_FILE_BYTES = 4L * Limit.PASSWORD_CHARS.value() + 2;

    private AdminPassword() {
    }

    /**
     * The configured password, or empty when none is configured.
     *
     * @throws IllegalStateException when a password file is named but cannot be read, is too long or is empty:
     *     the operator asked for that file, so a generated password instead would be a surprise
     */
    static Optional<String> configured(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String given = firstSet(properties.apply(PROPERTY), environment.apply(VARIABLE));
        if (given != null) {
            return Optional.of(given);
        }
        String file = firstSet(properties.apply(FILE_PROPERTY), environment.apply(FILE_VARIABLE));
        return file == null ? Optional.empty() : Optional.of(read(Path.of(file)));
    }

    private static String read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalStateException("The admin password file " + file + " is longer than a password can be.");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the admin password file " + file + ": " + e, e);
        }
        String password = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (password.isEmpty()) {
            throw new IllegalStateException("The admin password file " + file + " is empty.");
        }
        return password;
    }

    private static String firstSet(String first, String second) {
        if (first != null && !first.isEmpty()) {
            return first;
        }
        return second == null || second.isEmpty() ? null : second;
    }
}
