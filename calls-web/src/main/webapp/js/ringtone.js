// The ring of an incoming call: a short two-tone chirp generated with WebAudio, repeated every two seconds,
// so the client ships no sound file. Browsers start an AudioContext only after a user gesture on the page
// (Chromium's autoplay policy); the context is made and resumed on the first click or key press, and a
// ring that comes before any gesture is refused by the browser: the dialog then says so and stays silent.

const PATTERN_MS = 2000;
const TONES = [{ hz: 440, at: 0 }, { hz: 480, at: 0.4 }];
const TONE_SECONDS = 0.35;

export class RingTone {
  constructor(win = window) {
    this.win = win;
    this.context = null;
    this.timer = null;
    this.blocked = false;
    const unlock = () => {
      this.ensureContext();
      win.removeEventListener('pointerdown', unlock, true);
      win.removeEventListener('keydown', unlock, true);
    };
    win.addEventListener('pointerdown', unlock, true);
    win.addEventListener('keydown', unlock, true);
  }

  ensureContext() {
    const Context = this.win.AudioContext || this.win.webkitAudioContext;
    if (!this.context && Context) {
      this.context = new Context();
    }
    if (this.context && this.context.state === 'suspended') {
      this.context.resume().catch(() => {});
    }
    return this.context;
  }

  /** Rings until stop(); {@code blocked} tells whether the browser refused the sound. */
  start() {
    if (this.timer) {
      return;
    }
    const context = this.ensureContext();
    this.blocked = !context || context.state !== 'running';
    this.chirp();
    this.timer = this.win.setInterval(() => this.chirp(), PATTERN_MS);
  }

  stop() {
    if (this.timer) {
      this.win.clearInterval(this.timer);
      this.timer = null;
    }
  }

  chirp() {
    const context = this.context;
    if (!context || context.state !== 'running') {
      return;
    }
    this.blocked = false;
    for (const { hz, at } of TONES) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      const start = context.currentTime + at;
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.15, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + TONE_SECONDS);
      osc.connect(gain).connect(context.destination);
      osc.start(start);
      osc.stop(start + TONE_SECONDS);
    }
  }
}
