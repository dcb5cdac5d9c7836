package io.streametl.source.http;

import io.streametl.source.http.client.Transport;
import io.streametl.source.http.config.ClientConfig;
import io.streametl.source.http.config.TlsConfig;

/** Creates a task's transport: the JDK client, or a fake in unit tests. */
@FunctionalInterface
interface TransportFactory {

  Transport create(ClientConfig client, TlsConfig tls, String threadPrefix);
}
