/**
 * What is specific to Logpoint; for now the simulator that plays Logpoint's incident API in the
 * demo.
 */
package io.aponorelay.logpoint;
