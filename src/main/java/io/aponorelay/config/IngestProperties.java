package io.aponorelay.config;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The inbound endpoint, {@code POST /ingest/apono}.
 *
 * @param maxBodySize the largest body accepted; larger ones get 413
 */
public record IngestProperties(@DefaultValue("1MB") DataSize maxBodySize) {

}
