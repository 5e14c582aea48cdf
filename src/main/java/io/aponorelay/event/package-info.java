/**
 * The Apono access-request event: its triggers, its lenient parsing, and its key.
 */
package io.aponorelay.event;
