/**
 * The store: accepted events, their invocations (which are also the delivery queue) and every
 * attempt, in H2 or PostgreSQL.
 */
package io.aponorelay.store;
