package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;

/**
 * The throwaway PostgreSQL server of the tests, started by {@code .ci/postgres} (which {@code .ci/run}
 * calls) and named by {@code PERFEVAL_TEST_PG_URL} (an administrative database) and
 * {@code PERFEVAL_TEST_PG_USER}. Each test gets a database of its own. Without a server the
 * PostgreSQL tests are skipped, except on CI, where a missing server is a failure.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final String adminUrl;
    private final String user;

    private TestPostgres(String adminUrl, String user) {
        this.adminUrl = adminUrl;
        this.user = user;
    }

    /** The server, or the test is skipped (aborted) when there is none and this is not CI. */
    public static TestPostgres require() {
        String url = setting("PERFEVAL_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                fail("PERFEVAL_TEST_PG_URL is not set on CI: .ci/run starts PostgreSQL with .ci/postgres");
            }
            Assumptions.abort("no PostgreSQL server: start one with .ci/postgres start DIR and export what it prints");
        }
        String user = setting("PERFEVAL_TEST_PG_USER");
        return new TestPostgres(url, user == null || user.isBlank() ? "postgres" : user);
    }

    private static String setting(String name) {
        String value = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        return value != null ? value : System.getenv(name);
    }

    public String user() {
        return user;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createDatabase() {
        return createDatabase(null);
    }

    /** Creates a database, a copy of {@code template} (which nobody may be connected to) unless null; returns its URL. */
    public String createDatabase(String template) {
        String name = "perfeval_t" + RUN + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = connect(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + (template != null ? " TEMPLATE " + template : ""));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + adminUrl, e);
        }
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query >= 0 ? adminUrl.substring(query) : "");
    }

    /** A plain connection to a database of this server. */
    public Connection connect(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        return DriverManager.getConnection(url, props);
    }
}
