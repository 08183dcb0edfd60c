package org.perfeval.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.report.Consolidation;

/**
 * SPEC §10: with several nodes the nightly consolidation runs on one of them. Three nodes (Camel
 * contexts) elect through the lock folder they share: exactly one has the consolidation route
 * started; when that node stops, another takes over.
 */
class ConsolidationLeaderTest {

    @TempDir
    Path shared;

    private final List<DefaultCamelContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(DefaultCamelContext::stop);
    }

    @Test
    void oneNodeAtATimeRunsTheConsolidationAndAnotherTakesOverWhenItStops() throws Exception {
        ClusterSettings cluster = new ClusterSettings(true, Duration.ofSeconds(4), Duration.ofSeconds(1),
                shared.resolve(".cluster"), Duration.ofMillis(300));
        // the route must not run in this test: the cron is far away and the consolidation is never reached
        Consolidation neverRun = new Consolidation(null, null, null);
        for (int i = 0; i < 3; i++) {
            DefaultCamelContext node = new DefaultCamelContext();
            node.getCamelContextExtension().setName("node" + i);
            node.addRoutes(new ConsolidationRoute(neverRun, "0 0 2 1 1 ? 2099", at -> { }, cluster));
            node.start();
            nodes.add(node);
        }

        DefaultCamelContext leader = awaitOneLeader(nodes);
        leader.stop();
        List<DefaultCamelContext> rest = nodes.stream().filter(n -> n != leader).toList();
        DefaultCamelContext next = awaitOneLeader(rest);
        assertEquals(1, rest.stream().filter(n -> n == next).count());
    }

    private static DefaultCamelContext awaitOneLeader(List<DefaultCamelContext> nodes) {
        Awaitility.await("exactly one node runs the consolidation route").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    List<DefaultCamelContext> started = nodes.stream().filter(ConsolidationLeaderTest::consolidating)
                            .toList();
                    return started.size() == 1 ? started.get(0) : null;
                }, leader -> leader != null);
        // and it stays one: no second node starts the route beside it
        Awaitility.await("still one leader").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> nodes.stream().filter(ConsolidationLeaderTest::consolidating).count() == 1);
        return nodes.stream().filter(ConsolidationLeaderTest::consolidating).findFirst().orElseThrow();
    }

    private static boolean consolidating(DefaultCamelContext node) {
        return node.getRouteController().getRouteStatus(ConsolidationRoute.ROUTE_ID) == ServiceStatus.Started;
    }
}
