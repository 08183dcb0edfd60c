package org.perfeval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A home whose own {@code config/application.properties} holds only the given lines, and its settings. */
public final class HomeConfig {

    private HomeConfig() {
    }

    public static Settings withProperties(Path home, String... lines) throws IOException {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.writeString(config.resolve("application.properties"), String.join("\n", lines) + "\n");
        return Settings.load(Home.open(home));
    }
}
