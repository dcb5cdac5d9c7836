package io.streametl.stack.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium run headless on a page: {@code --dump-dom} prints the DOM after the page's
 * scripts have run for a stretch of virtual time, so timers that refresh the page fire without
 * the test waiting for them in real time. The flags are the ones this closed network needs:
 * without them Chromium keeps trying to reach Google's services.
 */
final class HeadlessChromium {

  private static final List<String> CANDIDATES = List.of("chromium", "chromium-browser",
      "google-chrome");

  private final Path executable;

  private HeadlessChromium(Path executable) {
    this.executable = executable;
  }

  /** Chromium from {@code STREAMETL_CHROMIUM} or the PATH, if installed. */
  static Optional<HeadlessChromium> find() {
    String configured = System.getenv("STREAMETL_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable).map(HeadlessChromium::new);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .flatMap(dir -> CANDIDATES.stream().map(name -> Path.of(dir, name)))
        .filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
  }

  /** The page's DOM after {@code virtualMillis} of virtual time. */
  String dumpDom(URI page, long virtualMillis, Path profile) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--virtual-time-budget=" + virtualMillis, "--dump-dom",
        page.toString()));
    Path out = Files.createTempFile(profile.getParent(), "dom", ".html");
    Path err = Files.createTempFile(profile.getParent(), "chromium", ".log");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("Chromium did not finish within 2 minutes; its log: "
          + Files.readString(err));
    }
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0 || dom.isBlank()) {
      throw new IOException("Chromium exited with " + process.exitValue() + "; its log: "
          + Files.readString(err));
    }
    return dom;
  }
}
