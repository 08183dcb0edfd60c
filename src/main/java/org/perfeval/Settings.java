package org.perfeval;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration of one home folder: {@code config/application.properties} (or the built-in one),
 * where every key can be overridden by a system property or an environment variable
 * ({@code perfeval.db.url} ← {@code PERFEVAL_DB_URL}), the way camel-main does it.
 */
public final class Settings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");

    private final Home home;
    private final Properties properties;
    private final Map<String, String> environment;
    private final List<String> unknownKeys;

    private Settings(Home home, Properties properties, Map<String, String> environment, List<String> unknownKeys) {
        this.home = home;
        this.properties = properties;
        this.environment = environment;
        this.unknownKeys = unknownKeys;
    }

    public static Settings load(Home home) throws IOException {
        return load(home, System.getenv());
    }

    static Settings load(Home home, Map<String, String> environment) throws IOException {
        // the home's own file overrides the built-in one key by key: a key it leaves out keeps its default
        Properties properties = new Properties();
        Home.ConfigDir config = home.config();
        load(properties, config.builtIn().resolve("application.properties"));
        Set<String> known = Set.copyOf(properties.stringPropertyNames());
        Path own = config.path().resolve("application.properties");
        List<String> unknown = new ArrayList<>();
        if (config.isOwn() && Files.isRegularFile(own)) {
            Properties ownProperties = new Properties();
            load(ownProperties, own);
            ownProperties.stringPropertyNames().stream()
                    .filter(key -> key.startsWith("perfeval.") && !known.contains(key)).sorted().forEach(unknown::add);
            properties.putAll(ownProperties);
        }
        properties.setProperty("perfeval.home", home.dir().toString());
        return new Settings(home, properties, environment, List.copyOf(unknown));
    }

    /**
     * The home file's {@code perfeval.*} keys that are none of perfeval's (the built-in file names every one): a
     * misspelt key ({@code read-lock-min-age} for {@code read-lock-min-age-ms}) is otherwise ignored without a word.
     */
    public List<String> unknownKeys() {
        return unknownKeys;
    }

    private static void load(Properties properties, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    public Home home() {
        return home;
    }

    /** The value of a key after overrides and {@code {{placeholder}}} expansion; null when unset. */
    public String get(String key) {
        String value = System.getProperty(key);
        if (value == null && !key.equals("perfeval.home")) {
            value = environment.get(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            value = properties.getProperty(key);
        }
        return value == null ? null : expand(value.strip());
    }

    public String get(String key, String fallback) {
        String value = get(key);
        return value == null || value.isEmpty() ? fallback : value;
    }

    public long getLong(String key, long fallback) {
        String value = get(key);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SettingException("配置项 " + key + " 应为整数，而不是“" + value + "”。 The setting " + key
                    + " must be a whole number, not '" + value + "'.", e);
        }
    }

    /** {@link #getLong} for a setting that must fit an int and be at least 1 (a size or count limit). */
    public int getPositiveInt(String key, int fallback) {
        long value = getLong(key, fallback);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new SettingException("配置项 " + key + " 应为 1 到 " + Integer.MAX_VALUE + " 之间的整数，而不是 "
                    + value + "。 The setting " + key + " must be a whole number from 1 to " + Integer.MAX_VALUE
                    + ", not " + value + ".");
        }
        return (int) value;
    }

    /** A share from 0 to 1 such as {@code 0.2}; a word, {@code 0,2} or {@code 20%} is refused naming the key. */
    public BigDecimal getFraction(String key, String fallback) {
        String value = get(key, fallback);
        BigDecimal fraction;
        try {
            fraction = new BigDecimal(value);
        } catch (NumberFormatException e) {
            fraction = null;
        }
        if (fraction == null || fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new SettingException("配置项 " + key + " 应为 0 到 1 之间的小数（如 0.2 表示 20%），而不是“" + value
                    + "”。 The setting " + key + " must be a decimal from 0 to 1 (0.2 for 20 %), not '" + value + "'.");
        }
        return fraction;
    }

    /** A duration in milliseconds, 0 or more. */
    public long getMillis(String key, long fallback) {
        long value = getLong(key, fallback);
        if (value < 0) {
            throw new SettingException("配置项 " + key + " 应为毫秒数（0 或更大的整数），而不是 " + value + "。 The setting "
                    + key + " must be a number of milliseconds, 0 or more, not " + value + ".");
        }
        return value;
    }

    public Path path(String key, String fallback) {
        return Path.of(get(key, fallback));
    }

    /** Every key, resolved: handed to camel-main so routes see the same values. */
    public Properties resolved() {
        Properties out = new Properties();
        for (String key : properties.stringPropertyNames()) {
            out.setProperty(key, get(key));
        }
        return out;
    }

    private String expand(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = get(m.group(1).strip());
            m.appendReplacement(out, Matcher.quoteReplacement(inner == null ? m.group() : inner));
        }
        m.appendTail(out);
        return out.toString();
    }
}
