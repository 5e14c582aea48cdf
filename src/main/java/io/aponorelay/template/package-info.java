/**
 * Handlebars rendering of each webhook's request: URL, headers and body, with JSON-safe escaping
 * and the {@code json} and {@code secret} helpers.
 */
package io.aponorelay.template;
