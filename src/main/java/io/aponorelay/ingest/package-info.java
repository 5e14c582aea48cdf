/**
 * The inbound endpoint {@code POST /ingest/apono}: reads the event, routes it, records it, and
 * answers 202.
 */
package io.aponorelay.ingest;
