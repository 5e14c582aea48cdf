package io.aponorelay.store;

/**
 * Published after invocations were committed as due, so that workers need not wait for their
 * next poll.
 *
 * @param count how many
 */
public record InvocationsQueued(int count) {

}
