package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.perfeval.HomeConfig;
import org.perfeval.Settings;

/** perfeval.http.port is checked before Camel starts: Camel takes a word for any free port, and a busy one as a warning. */
class HttpPortTest {

    @TempDir
    Path dir;

    private Settings withPort(String port) throws IOException {
        return withConfig("perfeval.http.port = " + port + "\n");
    }

    private Settings withConfig(String properties) throws IOException {
        return HomeConfig.withProperties(dir, properties);
    }

    @Test
    void aPortNumberIsTaken() throws IOException {
        assertEquals(18_080, Observability.httpPort(withPort("18080")));
    }

    @Test
    void aWordIsRefusedInBothLanguages() throws IOException {
        Settings settings = withPort("abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Observability.httpPort(settings));
        assertTrue(e.getMessage().contains("perfeval.http.port 应为整数") && e.getMessage().contains("must be a whole number"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "99999", "-1"})
    void aNumberOutOfRangeIsRefusedInBothLanguages(String port) throws IOException {
        Settings settings = withPort(port);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Observability.httpPort(settings));
        assertTrue(e.getMessage().contains("1 到 65535") && e.getMessage().contains("from 1 to 65535"), e.getMessage());
    }

    @Test
    void aPortInUseStopsTheStartWithWhatToDo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            IOException e = assertThrows(IOException.class,
                    () -> Observability.requireFreePort("127.0.0.1", taken.getLocalPort(), "perfeval.http.port"));
            assertTrue(e.getMessage().contains("已被占用") && e.getMessage().contains("PERFEVAL_HTTP_PORT")
                    && e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    @Test
    void aBusyPortSetForCamelsServerDirectlyIsCheckedToo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int free;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                free = probe.getLocalPort();
            }
            Settings settings = withConfig("perfeval.http.port = " + free + "\ncamel.server.port = "
                    + taken.getLocalPort() + "\n");
            IOException e = assertThrows(IOException.class, () -> Observability.requireServablePorts(settings));
            assertTrue(e.getMessage().contains(":" + taken.getLocalPort() + " 已被占用") && e.getMessage().contains(
                    "choose another port with camel.server.port (environment variable CAMEL_SERVER_PORT)"), e.getMessage());
        }
    }

    @Test
    void aWordForTheManagementPortIsRefusedNamingItsKey() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        Settings settings = withConfig("perfeval.http.port = " + free + "\ncamel.management.port = eight\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Observability.requireServablePorts(settings));
        assertTrue(e.getMessage().contains("camel.management.port 应为整数"), e.getMessage());
    }

    @Test
    void aManagementPortOtherThanTheServersIsRefused() throws IOException {
        Settings settings = withConfig("perfeval.http.port = 18080\ncamel.management.port = 18556\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Observability.requireServablePorts(settings));
        assertTrue(e.getMessage().contains("camel.management.port（18556）应与网页服务的端口 perfeval.http.port（18080）相同")
                && e.getMessage().contains("serves every page on one port"), e.getMessage());
    }

    @Test
    void anAddressNotOfThisMachineIsNotCalledABusyPort() {
        IOException e = assertThrows(IOException.class,
                () -> Observability.requireFreePort("10.255.255.1", 18_080, "perfeval.http.port"));
        assertTrue(e.getMessage().contains("perfeval.http.host") && e.getMessage().contains("无法在"), e.getMessage());
    }

    @Test
    void aFreePortIsLeftFreeForTheServer() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Observability.requireFreePort("127.0.0.1", port, "perfeval.http.port");
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, server.getLocalPort());
        }
    }
}
