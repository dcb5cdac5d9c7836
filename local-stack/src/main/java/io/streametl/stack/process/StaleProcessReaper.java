package io.streametl.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills processes left behind by an earlier run on the same data directory that could not clean
 * up (its JVM was SIGKILLed before the watchdog noticed, or the machine was suspended). A pid is
 * only trusted if that process's command line still shows our watchdog and this data directory:
 * pids are reused, and killing an unrelated process would be far worse than a port conflict.
 */
public final class StaleProcessReaper {

  private static final Logger LOG = LoggerFactory.getLogger(StaleProcessReaper.class);

  private StaleProcessReaper() {}

  /** Reaps every process recorded in {@code pidsDir}; returns how many were killed. */
  public static int reap(Path pidsDir, Path dataDir) {
    if (!Files.isDirectory(pidsDir)) {
      return 0;
    }
    int killed = 0;
    try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(pidsDir, "*.pid")) {
      for (Path pidFile : pidFiles) {
        Optional<ProcessHandle> stale = readPid(pidFile).flatMap(ProcessHandle::of)
            .filter(handle -> isOurs(handle, dataDir));
        if (stale.isPresent()) {
          ProcessHandle handle = stale.get();
          LOG.warn("Killing {} (pid {}) left running by an earlier local stack on {}",
              pidFile.getFileName(), handle.pid(), dataDir);
          handle.destroyForcibly();
          handle.onExit().get(30, TimeUnit.SECONDS);
          killed++;
        }
        Files.deleteIfExists(pidFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the pid files in " + pidsDir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("A stale process did not exit after SIGKILL: {}", e.toString());
    }
    return killed;
  }

  static boolean isOurs(ProcessHandle handle, Path dataDir) {
    Optional<String> commandLine = handle.info().commandLine();
    return commandLine.isPresent()
        && commandLine.get().contains(ParentWatchdog.class.getName())
        && commandLine.get().contains(dataDir.toString() + java.io.File.separator);
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim()));
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Ignoring unreadable pid file {}: {}", pidFile, e.toString());
      return Optional.empty();
    }
  }
}
