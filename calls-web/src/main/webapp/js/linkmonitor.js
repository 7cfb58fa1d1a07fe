// Polls the call's peer connection statistics while the call runs: the media path the page names
// (mediapath.js) and the call-quality warning (callquality.js).

import { pathKind, pathOf } from './mediapath.js';
import { NO_WARNING, countersOf, nextWarning, sampleOf } from './callquality.js';

/** How often the statistics are read: often enough to follow the path, rare enough to cost nothing noticeable. */
const POLL_MS = 2000;

export class LinkMonitor {
  /**
   * @param {() => RTCPeerConnection|null} pc the call's peer connection
   * @param {() => void} changed called when the path's name or the warning changes
   */
  constructor(pc, changed) {
    this.pc = pc;
    this.changed = changed;
    this.timer = 0;
    this.polling = false;
    /** The path the page names ({kind, relayProtocol}), null for direct UDP or none yet. */
    this.path = null;
    this.counters = null;
    this.quality = NO_WARNING;
  }

  /** The reason of the call-quality warning ('loss' or 'delay'), null while the call is fine. */
  get warning() {
    return this.quality.warning;
  }

  start() {
    this.stop();
    this.timer = setInterval(() => this.poll(), POLL_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = 0;
  }

  async poll() {
    const pc = this.pc();
    if (!pc || this.polling) {
      return;
    }
    this.polling = true;
    let report;
    try {
      report = await pc.getStats();
    } catch (e) {
      return;
    } finally {
      this.polling = false;
    }
    if (!this.timer) {
      return;
    }
    const path = pathKind(pathOf(report));
    const counters = countersOf(report);
    const before = { path: JSON.stringify(this.path), warning: this.warning };
    this.path = path;
    if (this.counters) {
      this.quality = nextWarning(this.quality, sampleOf(this.counters, counters));
    }
    this.counters = counters;
    if (before.path !== JSON.stringify(path) || before.warning !== this.warning) {
      this.changed();
    }
  }
}
