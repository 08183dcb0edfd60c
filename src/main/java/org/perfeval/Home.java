package org.perfeval;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The home folder (SPEC §2): {@code config/}, {@code inbox/}, {@code outbox/}, {@code data/},
 * {@code logs/}. Missing folders are created; without {@code config/} the built-in defaults apply.
 */
public final class Home {

    private final Path dir;
    private final ConfigDir config;

    private Home(Path dir, ConfigDir config) {
        this.dir = dir;
        this.config = config;
    }

    public static Home open(Path dir) throws IOException {
        Path home = dir.toAbsolutePath().normalize();
        for (String sub : new String[] {"inbox", "outbox", "data", "logs"}) {
            Path folder = home.resolve(sub);
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new IOException("无法创建文件夹 " + folder + "（同名的文件已存在，或没有写权限）。 Cannot create the folder "
                        + folder + " (a file of that name is in the way, or it may not be written): " + e, e);
            }
        }
        return new Home(home, ConfigDir.of(home));
    }

    /** The home folder as it is, creating nothing (for the dry run). */
    public static Home existing(Path dir) throws IOException {
        Path home = dir.toAbsolutePath().normalize();
        return new Home(home, ConfigDir.of(home));
    }

    public Path dir() {
        return dir;
    }

    public Path inbox() {
        return dir.resolve("inbox");
    }

    public Path outbox() {
        return dir.resolve("outbox");
    }

    public Path data() {
        return dir.resolve("data");
    }

    public ConfigDir config() {
        return config;
    }

    /** The repo's config/, packaged into the jar as {@code default-config/}. */
    static Path builtInConfig() throws IOException {
        return classpathFolder("/default-config");
    }

    /** A folder of the classpath as a Path, whether it lies in a directory or inside the jar. */
    public static Path classpathFolder(String name) throws IOException {
        URL url = Home.class.getResource(name);
        if (url == null) {
            throw new IOException("built-in folder missing from the jar: " + name);
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            FileSystem jar;
            try {
                jar = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                jar = FileSystems.newFileSystem(uri, Map.of());
            }
            return jar.provider().getPath(uri);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /**
     * The configuration in use: the home's {@code config/} where it has a file or folder, the built-in copy for
     * what it lacks, so that a {@code config/} holding only an edited {@code application.properties} works.
     *
     * @param path    the home's {@code config/}, or the built-in one when the home has none
     * @param builtIn the built-in configuration
     */
    public record ConfigDir(Path path, Path builtIn) {
        static ConfigDir of(Path home) throws IOException {
            Path own = home.resolve("config");
            Path builtIn = builtInConfig();
            return new ConfigDir(Files.isDirectory(own) ? own : builtIn, builtIn);
        }

        /** Whether the home has a {@code config/} of its own. */
        public boolean isOwn() {
            return !path.equals(builtIn);
        }

        /** A file or folder of the configuration: the home's own, else the built-in one. */
        public Path resolve(String name) {
            Path own = path.resolve(name);
            return Files.exists(own) ? own : builtIn.resolve(name);
        }

        public Path mappings() {
            return resolve("mappings");
        }
    }
}
