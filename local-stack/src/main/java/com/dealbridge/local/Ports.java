package com.dealbridge.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks every port before anything starts, so a busy port fails in a second with the variable to change. */
final class Ports {

    private Ports() {
    }

    static void requireFree(Map<String, Integer> portsByVariable) {
        List<String> busy = new ArrayList<>();
        portsByVariable.forEach((variable, port) -> {
            if (!isFree(port)) {
                busy.add(variable + "=" + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Port(s) already in use on " + LocalStackSettings.HOST + ": "
                    + String.join(", ", busy) + ". Is another local stack running? Stop it, or set "
                    + (busy.size() == 1 ? "that variable" : "those variables") + " to free ports.");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Same option as the servers we start, so a port in TIME_WAIT after our own restart counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LocalStackSettings.HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
