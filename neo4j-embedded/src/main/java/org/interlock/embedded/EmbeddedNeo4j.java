package org.interlock.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j Community in-process with only a loopback Bolt connector, for Interlock's
 * "no Docker, no install" mode. Started and supervised by server/neo4j/embedded.ts.
 *
 * <p>Protocol (the parent parses these exact lines):
 * <ul>
 *   <li>stdout {@code INTERLOCK_NEO4J_READY bolt://<address>:<port> <version>} once Bolt accepts connections;
 *   <li>stderr {@code INTERLOCK_NEO4J_ERROR port-in-use <address>:<port>} and exit 3 if the port is taken;
 *   <li>stderr {@code INTERLOCK_NEO4J_ERROR startup <message>} and exit 1 on any other startup failure.
 * </ul>
 * It shuts down cleanly on SIGTERM/SIGINT and when stdin reaches EOF (the parent died), so the JVM is
 * never orphaned. Pass {@code --ignore-stdin} to run it by hand with stdin closed.
 *
 * <p>Authentication is always on: Bolt also speaks WebSocket, so without it any web page open in the
 * user's browser could write to the database. The password of the {@code neo4j} user is read from
 * {@code --password-file} (written by server/neo4j/credentials.ts, owner-only), never from the command
 * line, where any local user could read it with {@code ps}.
 */
public final class EmbeddedNeo4j {
  private static final int EXIT_STARTUP = 1;
  private static final int EXIT_PORT_IN_USE = 3;

  // Captured before anything else can touch System.out, so only the protocol line goes there.
  private static final PrintStream OUT = System.out;
  private static final PrintStream ERR = System.err;

  private static volatile DatabaseManagementService service;
  private static final AtomicBoolean stopped = new AtomicBoolean();

  private EmbeddedNeo4j() {}

  public static void main(String[] args) {
    Path dataDir = null;
    String address = "127.0.0.1";
    int port = 7687;
    boolean watchStdin = true;
    long pageCache = ByteUnit.mebiBytes(256);
    Path passwordFile = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--data-dir" -> dataDir = Path.of(args[++i]);
          case "--bolt-address" -> address = args[++i];
          case "--bolt-port" -> port = Integer.parseInt(args[++i]);
          case "--ignore-stdin" -> watchStdin = false;
          case "--pagecache" -> pageCache = ByteUnit.parse(args[++i]);
          case "--password-file" -> passwordFile = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (dataDir == null) throw new IllegalArgumentException("--data-dir <path> is required");
      if (passwordFile == null) throw new IllegalArgumentException("--password-file <path> is required");
      if (port < 1 || port > 65535) throw new IllegalArgumentException("bad --bolt-port " + port);
    } catch (RuntimeException e) {
      fail(EXIT_STARTUP, "startup usage: " + e.getMessage()
          + " (usage: --data-dir <path> --password-file <path> [--bolt-address 127.0.0.1] [--bolt-port 7687] [--pagecache 256m] [--ignore-stdin])");
      return;
    }

    // Registered first so a signal during startup still runs it (service may still be null then).
    Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedNeo4j::shutdown, "interlock-neo4j-shutdown"));
    if (watchStdin) startStdinWatcher();

    // Neo4j reports a taken port as a deep stack trace; check it ourselves first for a clear message.
    if (!portFree(address, port)) {
      fail(EXIT_PORT_IN_USE, "port-in-use " + address + ":" + port);
      return;
    }

    try {
      Path home = dataDir.toAbsolutePath().normalize();
      Files.createDirectories(home);
      String password = readPassword(passwordFile);
      Path initialUsers = offerInitialPassword(home, password);
      service = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress(address, port))
          .setConfig(BoltConnector.advertised_address, new SocketAddress(address, port))
          .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
          .setConfig(HttpConnector.enabled, false)
          .setConfig(HttpsConnector.enabled, false)
          // Server-side routing would open a second listener (7688) that collides across instances.
          .setConfig(GraphDatabaseSettings.routing_enabled, false)
          // Netty's graceful-shutdown quiet period (default 5 s per event loop group) made stop() take ~12 s.
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
          // Always on, also for a data folder made before auth was (its neo4j user still has the default).
          .setConfig(GraphDatabaseSettings.auth_enabled, true)
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          // The page cache holds the store in memory; 256 MB fits the seed and 100k relationships, a
          // million-relationship graph wants ~1 GB (INTERLOCK_NEO4J_PAGECACHE, see server/config.ts).
          .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
          // Small transaction logs: this is a local dev/demo store, not a backup source.
          .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
          .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          // debug.log etc. go to <data-dir>/logs, never stdout.
          .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
          .build();
      if (stopped.get()) return; // a signal/EOF arrived during startup; the hook handles the rest
      Files.deleteIfExists(initialUsers);
      ensurePassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);

      // build() returns once the default database is online. Version comes from the kernel jar rather
      // than a dbms.components() query, which would add ~2 s of Cypher warm-up before READY.
      String version = Version.getNeo4jVersion();
      waitForBolt(address, port);
      OUT.println("INTERLOCK_NEO4J_READY bolt://" + hostForUri(address) + ":" + port + " " + version);
      OUT.flush();
    } catch (Throwable t) {
      if (stopped.get()) return;
      if (hasCause(t, BindException.class)) {
        fail(EXIT_PORT_IN_USE, "port-in-use " + address + ":" + port);
      } else {
        fail(EXIT_STARTUP, "startup " + oneLine(rootMessage(t)));
      }
    }
    // main returns; Neo4j's non-daemon threads keep the JVM alive until shutdown.
  }

  private static String readPassword(Path file) throws IOException {
    String password = Files.readString(file, StandardCharsets.UTF_8).trim();
    if (password.length() < 8) throw new IllegalArgumentException("the password in " + file + " is shorter than 8 characters");
    return password;
  }

  /**
   * Neo4j's own "initial password" file (what {@code neo4j-admin dbms set-initial-password} writes): the
   * system database takes it when it is created, and at every start while the neo4j user still has the
   * default password, which is the case of a data folder made while auth was off. Both happen before Bolt
   * listens, so there is no moment at which the default password opens the database.
   */
  private static Path offerInitialPassword(Path home, String password) throws Exception {
    Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
    Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
    FileSystemAbstraction fs = new DefaultFileSystemAbstraction();
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    FileUserRepository users = new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
    users.start();
    SystemGraphCredential credential =
        SystemGraphCredential.createCredentialForPassword(password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
    users.create(new User("neo4j", null, credential, false, false));
    users.shutdown();
    return file;
  }

  /**
   * The neo4j user ends up with the password of the file whatever happened before (the file was replaced,
   * or someone changed the password from a shell): the file is the one place the app reads it from.
   */
  private static void ensurePassword(GraphDatabaseService system, String password) throws Exception {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    boolean current;
    try (Transaction tx = system.beginTx()) {
      Node user = tx.findNode(Label.label("User"), "name", "neo4j");
      current = user != null
          && !Boolean.TRUE.equals(user.getProperty("passwordChangeRequired", false))
          && SystemGraphCredential.deserialize(String.valueOf(user.getProperty("credentials", "")), new SecureHasher())
              .matchesPassword(bytes);
    }
    if (current) return;
    Map<String, Object> params = Map.of("password", password);
    try {
      system.executeTransactionally("ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", params);
    } catch (RuntimeException missing) {
      system.executeTransactionally("CREATE USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", params);
    }
  }

  private static void shutdown() {
    if (!stopped.compareAndSet(false, true)) return;
    DatabaseManagementService s = service;
    if (s != null) {
      try {
        s.shutdown();
      } catch (Throwable t) {
        ERR.println("INTERLOCK_NEO4J_WARN shutdown " + oneLine(rootMessage(t)));
      }
    }
  }

  /** EOF on stdin means the parent Node process is gone: exit (running the shutdown hook). */
  private static void startStdinWatcher() {
    Thread t = new Thread(() -> {
      try (InputStream in = System.in) {
        byte[] buf = new byte[256];
        while (in.read(buf) != -1) {
          // Input is ignored; the pipe only signals parent liveness.
        }
      } catch (IOException ignored) {
        // Treat a broken stdin like EOF.
      }
      System.exit(0);
    }, "interlock-stdin-watch");
    t.setDaemon(true);
    t.start();
  }

  private static boolean portFree(String address, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true); // match Netty, so a TIME_WAIT leftover is not reported as "in use"
      s.bind(new InetSocketAddress(address, port));
      return true;
    } catch (BindException e) {
      return false;
    } catch (IOException e) {
      return true; // e.g. unresolvable address: let Neo4j report the real problem
    }
  }

  /** Bolt starts with the DBMS, but confirm it accepts TCP before announcing readiness. */
  private static void waitForBolt(String address, int port) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(address, port), 1000);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) throw new IOException("Bolt did not accept connections on " + address + ":" + port, e);
        Thread.sleep(100);
      }
    }
  }

  private static String hostForUri(String address) {
    return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) return true;
      for (Throwable s : List.of(c.getSuppressed())) if (hasCause(s, type)) return true;
    }
    return false;
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) c = c.getCause();
    String m = c.getMessage();
    return c.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  private static void fail(int code, String what) {
    ERR.println("INTERLOCK_NEO4J_ERROR " + what);
    ERR.flush();
    System.exit(code);
  }
}
