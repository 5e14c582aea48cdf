/**
 * Delivery: calls each target with a timeout, validates the response, decides on retries, and
 * records every attempt; the workers that drain the queue; Test and redelivery.
 */
package io.aponorelay.delivery;
