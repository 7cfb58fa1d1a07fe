package dev.calls.media.jca;

/** A configuration property whose value the adapter refuses; the message names the property and the value. */
final class InvalidSettingException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidSettingException(String property, String value, String expected) {
        super("setting " + property + "=" + value + " refused: expected " + expected);
    }
}
