package eu.iucplanner.run.service;

import java.io.IOException;

/** Where one subscriber's events go: a Server-Sent Events stream in the service, a recorder in tests. */
public interface EventSink {

    /** Sends one named event; may block while the client is slow. */
    void send(String name, Object data) throws IOException;

    /** Ends the stream. */
    void complete();
}
