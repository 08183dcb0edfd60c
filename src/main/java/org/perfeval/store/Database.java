package org.perfeval.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The database behind perfeval: SQLite (embedded, WAL) by default, PostgreSQL for scale-out. */
public final class Database {

    private final String url;
    private final Dialect dialect;
    private final DataSource dataSource;

    private Database(String url, Dialect dialect, DataSource dataSource) {
        this.url = url;
        this.dialect = dialect;
        this.dataSource = dataSource;
    }

    /** Opens the database and brings its schema up to date. */
    public static Database open(String url, String user, String password) throws SQLException, IOException {
        Dialect dialect = Dialect.of(url);
        DataSource dataSource = switch (dialect) {
            case SQLITE -> sqlite(url);
            case POSTGRESQL -> postgres(url, user, password);
        };
        Database db = new Database(url, dialect, dataSource);
        new Migrations(db).migrate();
        return db;
    }

    private static DataSource sqlite(String url) throws IOException {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        Path path = Path.of(query >= 0 ? file.substring(0, query) : file);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL is durable with WAL except for the last transactions on power loss; the file stays in inbox until commit
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-65_536);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    private static DataSource postgres(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (user != null && !user.isBlank()) {
            ds.setUser(user);
        }
        if (password != null && !password.isBlank()) {
            ds.setPassword(password);
        }
        ds.setReWriteBatchedInserts(true);
        return ds;
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL without credentials, for logs and the status page. */
    public String describe() {
        int query = url.indexOf('?');
        return query >= 0 ? url.substring(0, query) : url;
    }
}
