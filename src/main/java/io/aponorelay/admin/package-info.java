/**
 * The admin API under {@code /api}: webhooks, the dry run, invocations, Test and redelivery.
 */
package io.aponorelay.admin;
