// Local Neo4j launcher: runs an embedded Neo4j Community server with Bolt on 127.0.0.1 so the project
// needs neither Docker nor an installed Neo4j. Prints one ready line, stops cleanly on SIGTERM/SIGINT and
// exits when its parent process dies (or stdin closes), so a crashed caller never leaves the store locked.
package org.dongxi.neo4jlocal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

public final class Launcher {
  private static final String HOST = "127.0.0.1";
  private static final AtomicBoolean STOPPING = new AtomicBoolean(false);
  private static volatile DatabaseManagementService service;

  private Launcher() {}

  public static void main(String[] args) {
    try {
      Options options = Options.parse(args, System.getenv());
      run(options);
    } catch (IllegalArgumentException e) {
      System.err.println("neo4j-local: " + e.getMessage());
      System.exit(2);
    } catch (Throwable e) {
      System.err.println("neo4j-local: failed to start: " + e);
      Throwable cause = e.getCause();
      while (cause != null) {
        System.err.println("  caused by: " + cause);
        cause = cause.getCause();
      }
      stop();
      System.exit(1);
    }
  }

  private static void run(Options options) throws InterruptedException {
    // Register before starting so a SIGTERM during start-up still shuts down whatever was started.
    Runtime.getRuntime().addShutdownHook(new Thread(Launcher::stop, "neo4j-local-shutdown"));
    watchParent();
    if (options.exitOnStdinEof) {
      watchStdin();
    }

    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(options.dataDir);
    builder.setConfig(settings(options));
    service = builder.build();
    GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    if (options.password != null) {
      setPassword(system, options.password);
    }
    String version = version(service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));

    System.out.println("NEO4J_LOCAL_READY bolt://" + HOST + ":" + options.port + " version=" + version);
    System.out.flush();
    Thread.currentThread().join(); // the watcher threads and signals end the process
  }

  private static Map<org.neo4j.graphdb.config.Setting<?>, Object> settings(Options options) {
    return Map.ofEntries(
        Map.entry(BoltConnector.enabled, true),
        Map.entry(BoltConnector.listen_address, new SocketAddress(HOST, options.port)),
        Map.entry(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED),
        // Bolt otherwise waits 5 s twice for idle connections on shutdown; a local dev server need not.
        Map.entry(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1)),
        Map.entry(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1)),
        Map.entry(HttpConnector.enabled, false),
        Map.entry(HttpsConnector.enabled, false),
        Map.entry(GraphDatabaseSettings.auth_enabled, options.password != null),
        Map.entry(GraphDatabaseSettings.udc_enabled, false),
        Map.entry(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes),
        Map.entry(GraphDatabaseSettings.preallocate_logical_logs, false),
        Map.entry(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16)),
        Map.entry(GraphDatabaseSettings.keep_logical_logs, "2 files"),
        Map.entry(GraphDatabaseSettings.transaction_timeout, options.transactionTimeout),
        // Timeouts are enforced by a monitor that looks every 2 s by default: too coarse for the API's
        // short budgets (the path search's alternatives, the console's timeout).
        Map.entry(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100)),
        // Without a cap one console query collecting a huge list exhausts the heap; capped, that query
        // alone fails with a memory error. One transaction may use a quarter of the heap, all running
        // transactions together half (Neo4j reports either limit with the same code).
        Map.entry(
            GraphDatabaseSettings.memory_transaction_global_max_size,
            Runtime.getRuntime().maxMemory() / 2),
        Map.entry(GraphDatabaseSettings.memory_transaction_max_size, Runtime.getRuntime().maxMemory() / 4),
        Map.entry(GraphDatabaseSettings.log_queries, GraphDatabaseSettings.LogQueryLevel.OFF));
  }

  /** With auth on, the built-in user gets the given password and is not asked to change it. */
  private static void setPassword(GraphDatabaseService system, String password) {
    system.executeTransactionally(
        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
  }

  private static String version(GraphDatabaseService db) {
    try (Transaction tx = db.beginTx();
        Result result = tx.execute("CALL dbms.components() YIELD versions RETURN versions[0] AS v")) {
      return String.valueOf(result.next().get("v"));
    }
  }

  private static void stop() {
    if (!STOPPING.compareAndSet(false, true)) {
      return;
    }
    DatabaseManagementService current = service;
    if (current != null) {
      try {
        current.shutdown();
      } catch (RuntimeException e) {
        System.err.println("neo4j-local: error during shutdown: " + e);
      }
    }
  }

  /** Polls the parent process: when it is gone, exit (the shutdown hook releases the store). */
  private static void watchParent() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty()) {
      return;
    }
    ProcessHandle handle = parent.get();
    daemon("neo4j-local-parent-watch", () -> {
      while (handle.isAlive()) {
        sleep(Duration.ofMillis(500));
      }
      System.err.println("neo4j-local: parent process " + handle.pid() + " is gone, shutting down");
      System.exit(0);
    });
  }

  /** Reads stdin until EOF: the caller holds the write end, so EOF means it exited or wants us gone. */
  private static void watchStdin() {
    daemon("neo4j-local-stdin-watch", () -> {
      InputStream in = System.in;
      byte[] buffer = new byte[256];
      try {
        while (in.read(buffer) >= 0) {
          // input is ignored; only the end of the stream matters
        }
      } catch (IOException e) {
        // a broken pipe means the same as EOF
      }
      System.err.println("neo4j-local: stdin closed, shutting down");
      System.exit(0);
    });
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Command line and environment, validated with messages that name the offending input. */
  static final class Options {
    final int port;
    final Path dataDir;
    final String password;
    final long pageCacheBytes;
    final Duration transactionTimeout;
    final boolean exitOnStdinEof;

    private Options(
        int port,
        Path dataDir,
        String password,
        long pageCacheBytes,
        Duration transactionTimeout,
        boolean exitOnStdinEof) {
      this.port = port;
      this.dataDir = dataDir;
      this.password = password;
      this.pageCacheBytes = pageCacheBytes;
      this.transactionTimeout = transactionTimeout;
      this.exitOnStdinEof = exitOnStdinEof;
    }

    static Options parse(String[] args, Map<String, String> env) {
      List<String> argList = List.of(args);
      boolean exitOnStdinEof = argList.contains("--exit-on-stdin-eof");
      String portArg =
          argList.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(env.get("NEO4J_LOCAL_PORT"));
      int port = parsePort(portArg);
      String data = env.getOrDefault("NEO4J_LOCAL_DATA", ".data/neo4j");
      if (data.isBlank()) {
        throw new IllegalArgumentException("NEO4J_LOCAL_DATA must not be empty");
      }
      String password = env.get("NEO4J_LOCAL_PASSWORD");
      if (password != null && password.isEmpty()) {
        password = null;
      }
      long pageCache = parseMebibytes("NEO4J_LOCAL_PAGECACHE", env.getOrDefault("NEO4J_LOCAL_PAGECACHE", "128m"));
      long timeoutSeconds = parseSeconds(env.getOrDefault("NEO4J_LOCAL_TX_TIMEOUT", "120"));
      return new Options(
          port,
          Path.of(data).toAbsolutePath(),
          password,
          pageCache,
          Duration.ofSeconds(timeoutSeconds),
          exitOnStdinEof);
    }

    private static int parsePort(String value) {
      if (value == null || value.isBlank()) {
        return 7687;
      }
      try {
        int port = Integer.parseInt(value.trim());
        if (port >= 1 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
      throw new IllegalArgumentException("NEO4J_LOCAL_PORT must be a port number (1-65535), got '" + value + "'");
    }

    private static long parseMebibytes(String name, String value) {
      String v = value.trim().toLowerCase();
      try {
        if (v.endsWith("g")) {
          return ByteUnit.gibiBytes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
          return ByteUnit.mebiBytes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return ByteUnit.mebiBytes(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a size like 128m or 1g, got '" + value + "'");
      }
    }

    private static long parseSeconds(String value) {
      try {
        long seconds = Long.parseLong(value.trim());
        if (seconds > 0) {
          return seconds;
        }
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
      throw new IllegalArgumentException("NEO4J_LOCAL_TX_TIMEOUT must be a positive number of seconds, got '" + value + "'");
    }
  }
}
