package org.storygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.storygraph.StoryGraphApplication;

/** A command pointed at a server that does not answer says so in two lines, without a stack trace. */
class UnreachableServerCliTest {

    @Test
    void namesTheServerAndTheSettingInsteadOfPrintingATrace() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Cli.run(StoryGraphApplication.class, new String[] {"query", "list",
                        "--spring.neo4j.uri=bolt://127.0.0.1:" + port, "--storygraph.feeds.poll=false"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("storygraph query: Cannot reach the Neo4j server at bolt://127.0.0.1:" + port
                        + " (configured by spring.neo4j.uri)")
                .contains("Start that server or correct spring.neo4j.uri")
                .doesNotContain("\tat ");
    }
}
