package org.perfeval.routes;

import java.nio.file.Path;
import java.time.Duration;

import org.perfeval.SettingException;

/**
 * How nodes share the work (SPEC §10). With PostgreSQL several {@code run} nodes may share one inbox:
 * each file is claimed in the database before it is read, and a claim not refreshed for
 * {@code fileLockMaxAge} (its node died) is taken over by another node. The nightly consolidation runs
 * on the one node holding the leader lock, a file lock in {@code leaderDir} on the storage the nodes
 * share anyway (the inbox).
 *
 * @param sharedInbox       claim files in the database (PostgreSQL) rather than only wait for them to settle
 * @param fileLockMaxAge    age after which a claim counts as orphaned
 * @param fileLockKeepAlive how often a node refreshes its claims; shorter than {@code fileLockMaxAge}
 * @param leaderDir         the leader election's folder, on storage every node sees
 * @param leaderInterval    how often a node tries for the leader lock; the same on every node
 */
public record ClusterSettings(boolean sharedInbox, Duration fileLockMaxAge, Duration fileLockKeepAlive,
                              Path leaderDir, Duration leaderInterval) {

    public ClusterSettings {
        if (fileLockKeepAlive.compareTo(fileLockMaxAge) >= 0) {
            throw new SettingException("配置错误：perfeval.cluster.file-lock-keep-alive-ms（"
                    + fileLockKeepAlive.toMillis() + "）必须小于 perfeval.cluster.file-lock-max-age-ms（"
                    + fileLockMaxAge.toMillis() + "），否则其他节点会把仍在处理中的文件当作无主文件接手。"
                    + " Configuration error: perfeval.cluster.file-lock-keep-alive-ms (" + fileLockKeepAlive.toMillis()
                    + ") must be shorter than perfeval.cluster.file-lock-max-age-ms (" + fileLockMaxAge.toMillis()
                    + "), or other nodes would take over files that are still being read.");
        }
    }
}
