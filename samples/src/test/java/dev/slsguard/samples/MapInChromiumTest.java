package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Draws the review page of each sample, and of a generated 500-function service, in headless
 * Chromium with scripts switched off (see {@link ScriptlessScreenshot}) and keeps a
 * screenshot of the service map at the top of the page in {@code target/map-screenshots/}; the map
 * must be drawn (the function boxes' colour is on the screenshot) and its SVG stay under 2 MB.
 * Skipped where {@code chromium} is not on the PATH (and the 500-function service where
 * {@code python3} is not, which {@code bench/gen-service.py} needs).
 */
class MapInChromiumTest {

    private static final Path SAMPLES = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path SHOTS = SAMPLES.resolve("target").resolve("map-screenshots");
    private static final long BUDGET = 2L * 1024 * 1024;
    /** The fill of function boxes ({@code MapSvg}). */
    private static final int FUNCTION_FILL = 0xddf4ff;

    @TempDir
    Path temp;

    private Path chromium;

    @BeforeEach
    void findChromium() {
        Optional<Path> found = HtmlInChromiumTest.onPath("chromium");
        assumeTrue(found.isPresent(), "the chromium binary is not installed");
        chromium = found.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders-service", "legacy-reports"})
    void sampleMapIsDrawn(String sample) throws Exception {
        Path out = temp.resolve(sample);
        MapDrawing.check(SAMPLES, out, "check", sample);
        drawn(out, sample);
    }

    @Test
    void mapOfAGenerated500FunctionServiceIsDrawn() throws Exception {
        Optional<Path> python = HtmlInChromiumTest.onPath("python3");
        assumeTrue(python.isPresent(), "python3 is not installed");
        Path service = temp.resolve("bench-500");
        Process generate = new ProcessBuilder(python.get().toString(),
                SAMPLES.resolveSibling("bench").resolve("gen-service.py").toString(), "500", service.toString(),
                "streams").redirectErrorStream(true).start();
        assertTrue(generate.waitFor(60, TimeUnit.SECONDS) && generate.exitValue() == 0,
                new String(generate.getInputStream().readAllBytes()));
        Path out = temp.resolve("out-500");
        MapDrawing.check(temp, out, "check", "bench-500");
        MapDrawing map = drawn(out, "generated-500-functions");
        // 500 functions with one role and edges of the same shape: one box names them
        assertEquals(1, map.boxes("FUNCTION").size(), map.boxes().toString());
        assertTrue(map.boxes("FUNCTION").get(0).title().equals("500 functions"), map.boxes().toString());
    }

    /** Checks the map's size, screenshots the page's top and looks for the function boxes on it. */
    private MapDrawing drawn(Path out, String name) throws Exception {
        Path svg = out.resolve("slsguard-map.svg");
        assertTrue(Files.size(svg) < BUDGET, svg + " is " + Files.size(svg) + " bytes");
        MapDrawing map = MapDrawing.parse(Files.readString(svg));
        int[] size = size(Files.readString(svg));
        Files.createDirectories(SHOTS);
        Path png = SHOTS.resolve(name + ".png");
        Files.deleteIfExists(png);
        Files.write(png, ScriptlessScreenshot.png(chromium, temp.resolve("profiles-" + name), out.resolve("slsguard.html").toUri(),
                Math.min(4000, Math.max(1280, size[0] + 120)), Math.min(8000, size[1] + 260)));
        BufferedImage image = ImageIO.read(png.toFile());
        int functionPixels = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == FUNCTION_FILL) {
                    functionPixels++;
                }
            }
        }
        assertTrue(functionPixels > 1000, "the function boxes were drawn: " + functionPixels + " pixels in " + png);
        return map;
    }

    /** The width and height of the drawing. */
    private static int[] size(String svg) {
        Matcher m = Pattern.compile("<svg[^>]* width=\"([0-9.]+)\" height=\"([0-9.]+)\"").matcher(svg);
        assertTrue(m.find(), "the map has a size");
        return new int[] {(int) Math.ceil(Double.parseDouble(m.group(1))), (int) Math.ceil(Double.parseDouble(m.group(2)))};
    }
}
