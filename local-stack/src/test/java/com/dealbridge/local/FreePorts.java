package com.dealbridge.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Distinct free ports, so tests never collide with a running local stack or with each other. */
final class FreePorts {

    private FreePorts() {
    }

    static List<Integer> take(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            });
        }
    }

    static LocalStackSettings settings(Path dataDir) {
        List<Integer> ports = take(8);
        return new LocalStackSettings(dataDir, ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4),
                ports.get(5), ports.get(6), ports.get(7));
    }
}
