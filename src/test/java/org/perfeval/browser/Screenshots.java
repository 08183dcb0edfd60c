package org.perfeval.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

/**
 * Where the browser tests put their screenshots, and what makes one acceptable. Every run writes
 * {@code target/screenshots/NAME.png}; with {@code -Dperfeval.docs.screenshots=true} the PNG is also
 * copied to {@code docs/NAME.png}, the pictures README.md shows (they carry the time of the run, so
 * they are only rewritten on purpose).
 */
final class Screenshots {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** A blank or nearly blank page is a few KB; a rendered page of text and tables is far above this. */
    private static final long MIN_BYTES = 10 * 1024;
    /** A page with text, anti-aliased, has hundreds of colours; a blank or error page has a handful. */
    private static final int MIN_COLOURS = 64;

    private Screenshots() {
    }

    /** {@code target/screenshots/NAME.png} (surefire runs in the module folder). */
    static Path file(String name) {
        return Path.of("target", "screenshots", name + ".png").toAbsolutePath();
    }

    /** A PNG of the window size, more than 10 KB, with the variety of colours of a rendered page. */
    static void assertNonTrivialPng(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > MIN_BYTES, () -> png + " has only " + bytes.length + " bytes");
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length), png + " starts with the PNG signature");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " can be decoded");
        assertEquals(HeadlessChromium.WIDTH, image.getWidth(), "width of " + png);
        assertEquals(HeadlessChromium.HEIGHT, image.getHeight(), "height of " + png);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() >= MIN_COLOURS, () -> png + " has only " + colours.size() + " colours: a blank page?");
    }

    /** Copies the screenshot to {@code docs/NAME.png} when {@code perfeval.docs.screenshots} is true. */
    static void publishIfAsked(Path png, String name) throws IOException {
        if (Boolean.getBoolean("perfeval.docs.screenshots")) {
            Path docs = Files.createDirectories(Path.of("docs").toAbsolutePath());
            Files.copy(png, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
