/**
 * The relay's configuration ({@code relay.*}): validated records, named secrets, and the start-up
 * check that reports every problem at once.
 */
package io.aponorelay.config;
