package org.perfeval;

/**
 * A setting refused with a message that names its key and says what it must be, in Chinese and English: the
 * commands show that one line, with no trace, since it says all there is to fix.
 */
public class SettingException extends IllegalArgumentException {

    public SettingException(String message) {
        super(message);
    }

    public SettingException(String message, Throwable cause) {
        super(message, cause);
    }
}
