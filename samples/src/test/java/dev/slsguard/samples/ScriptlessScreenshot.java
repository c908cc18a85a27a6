package dev.slsguard.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A screenshot of a page drawn by headless Chromium with JavaScript switched off. Chromium's
 * {@code --blink-settings=scriptEnabled=false} stops {@code --screenshot} from writing anything, so
 * this drives Chromium over its DevTools protocol on the loopback interface instead: scripts off
 * ({@code Emulation.setScriptExecutionDisabled}), the window size set, the page loaded, a PNG taken.
 */
final class ScriptlessScreenshot implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = HeadlessChromium.PATIENCE_SECONDS;
    private static final int ATTEMPTS = HeadlessChromium.ATTEMPTS;

    private final Process browser;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> events = new ConcurrentHashMap<>();

    /**
     * The page at {@code url} drawn with scripts off by a Chromium started for it, with a fresh profile
     * under {@code profiles}. A headless Chromium now and then stalls (no DevTools port, a page that never
     * loads): such a browser is stopped and another started, {@value #ATTEMPTS} times at most.
     */
    static byte[] png(Path chromium, Path profiles, URI url, int width, int height) throws Exception {
        Exception last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (ScriptlessScreenshot browser = new ScriptlessScreenshot(chromium,
                    profiles.resolve("profile-" + attempt + "-" + System.nanoTime()))) {
                return browser.png(url, width, height);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) { // a timeout, a closed socket, no DevTools port: another browser
                last = e;
            }
        }
        throw new IllegalStateException("chromium did not draw " + url + " in " + ATTEMPTS + " attempts", last);
    }

    /** Starts {@code chromium} with a fresh profile in {@code profile}. */
    ScriptlessScreenshot(Path chromium, Path profile) throws Exception {
        Files.createDirectories(profile);
        browser = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--hide-scrollbars", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"))
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path port = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!(Files.isRegularFile(port) && Files.readAllLines(port).size() >= 2)) {
            if (System.nanoTime() > deadline || !browser.isAlive()) {
                browser.destroyForcibly();
                throw new IllegalStateException("chromium did not open its DevTools port: "
                        + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        List<String> lines = Files.readAllLines(port);
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim()), new Listener())
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The page at {@code url} drawn in a {@code width} × {@code height} window with scripts off, as PNG. */
    byte[] png(URI url, int width, int height) throws Exception {
        String target = call("Target.createTarget", JSON.createObjectNode().put("url", "about:blank"), null)
                .path("targetId").asText();
        String session = call("Target.attachToTarget", JSON.createObjectNode().put("targetId", target)
                .put("flatten", true), null).path("sessionId").asText();
        call("Emulation.setScriptExecutionDisabled", JSON.createObjectNode().put("value", true), session);
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false), session);
        call("Page.enable", JSON.createObjectNode(), session);
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        events.put("Page.loadEventFired", loaded);
        call("Page.navigate", JSON.createObjectNode().put("url", url.toString()), session);
        loaded.get(WAIT_SECONDS, TimeUnit.SECONDS);
        JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"), session);
        return Base64.getDecoder().decode(shot.path("data").asText());
    }

    private JsonNode call(String method, ObjectNode params, String session) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        JsonNode answer = reply.get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.path("result");
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        HeadlessChromium.stop(browser);
    }

    /** Collects messages (which may come in parts) and hands each to the call or event waiting for it. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } else {
                        CompletableFuture<JsonNode> event = events.remove(message.path("method").asText());
                        if (event != null) {
                            event.complete(message);
                        }
                    }
                } catch (java.io.IOException e) {
                    replies.values().forEach(r -> r.completeExceptionally(e));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
