package io.github.kernelboot.local;

import reactor.core.scheduler.Scheduler;

/**
 * What the pools of one server share.
 *
 * @param host starts and destroys browsers
 * @param sessions the sessions the API shows, leased pool browsers among them
 * @param ids makes session ids and tokens
 * @param timer runs fills and poll timeouts
 * @param timeScale how fast the server's clocks run
 */
record PoolContext(BrowserHost host, SessionRegistry sessions, RandomIds ids, Scheduler timer, TimeScale timeScale) {

}
