/**
 * Which webhooks an event triggers: trigger matching, filters, and the dry-run explanation.
 */
package io.aponorelay.routing;
