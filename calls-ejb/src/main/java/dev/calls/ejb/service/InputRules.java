package dev.calls.ejb.service;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Post;
import dev.calls.limits.Limit;
import java.util.regex.Pattern;

/** Shapes of names and texts users type, checked before anything is written. */
public final class InputRules {

    /** Mattermost's rule: 3 to 22 characters, lowercase letters, digits, '.', '-', '_', starting with a letter. */
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,21}");
    /** 2 to 64 characters of lowercase letters, digits, '-', '_'; "__" is kept for direct-message names. */
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{1,63}");
    public static final int DISPLAY_NAME_MAX = 64;

    private InputRules() {
    }

    public static boolean isUsername(String value) {
        return value != null && USERNAME.matcher(value).matches();
    }

    public static String username(String value) {
        if (!isUsername(value)) {
            throw CallsException.badRequest("api.user.username.invalid",
                    "A username has 3 to 22 characters: lowercase letters, digits, '.', '-' or '_', starting with a letter.");
        }
        return value;
    }

    public static String password(String value) {
        if (value == null || value.length() < Passwords.MIN_LENGTH || value.length() > Limit.PASSWORD_CHARS.value()) {
            throw passwordInvalid();
        }
        return value;
    }

    static CallsException passwordInvalid() {
        return CallsException.badRequest("api.user.password.invalid",
                "A password has " + Passwords.MIN_LENGTH + " to " + Limit.PASSWORD_CHARS.value() + " characters.");
    }

    public static String channelName(String value) {
        if (value == null || !CHANNEL_NAME.matcher(value).matches() || value.contains("__")) {
            throw CallsException.badRequest("api.channel.name.invalid",
                    "A channel name has 2 to 64 characters: lowercase letters, digits, '-' or '_' (not \"__\").");
        }
        return value;
    }

    /**
     * A display name of 1 to 64 characters after trimming; {@code fallback} stands in when none is given.
     * Invisible characters are refused: controls (NUL, BEL, line breaks), formatting characters such as the
     * bidirectional overrides and isolates (U+202A–202E, U+2066–2069) that reorder the text shown after the
     * name (Unicode TR #9, and the "Trojan Source" attack), zero-width characters, line and paragraph
     * separators, and unpaired surrogates.
     */
    public static String displayName(String value, String fallback) {
        String trimmed = value == null ? fallback : value.trim();
        if (trimmed == null || trimmed.isEmpty() || trimmed.length() > DISPLAY_NAME_MAX) {
            throw CallsException.badRequest("api.display_name.invalid",
                    "A display name has 1 to " + DISPLAY_NAME_MAX + " characters.");
        }
        if (trimmed.codePoints().anyMatch(InputRules::isInvisible)) {
            throw CallsException.badRequest("api.display_name.invisible_character",
                    "A display name may not contain control, formatting or direction-changing characters.");
        }
        return trimmed;
    }

    /**
     * A call's title, which becomes the message of its thread's root post: at most
     * {@link Limit#CALL_TITLE_LENGTH} characters, and never more than a post holds. Null (no title) passes.
     */
    public static String callTitle(String value) {
        int max = Math.min(Limit.CALL_TITLE_LENGTH.value(), Post.MAX_MESSAGE_LENGTH);
        if (value != null && value.length() > max) {
            throw CallsException.badRequest("invalid_title", "A call's title has at most " + max + " characters.");
        }
        return value;
    }

    private static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    public static String id(String value, String field) {
        if (!Ids.isValid(value)) {
            throw CallsException.badRequest("api.context.invalid_param",
                    "'" + field + "' must be a 26-character id.");
        }
        return value;
    }
}
