/**
 * Read-aloud (语音阅读, asked of government sites by China's aging-friendly website specification):
 * a button that reads a keyword's title and definition with the browser's own speech synthesis
 * (Web Speech API), in the language shown, with a voice of that language (`zh-CN` first for
 * Chinese). No voice for the language, or no speech synthesis at all: no button. Voices load
 * asynchronously (`voiceschanged`): the button appears when one arrives. Never starts by itself.
 *
 * A toggle button (`aria-pressed`), named "Read aloud": pressed while reading; pressing it again,
 * closing the popover or Escape stops (`stop()`). A small module of its own, imported by the popover
 * when it first opens and by the glossary.
 */
import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ContentLang } from '../../search/types.js';

type Speech = Pick<SpeechSynthesis, 'getVoices' | 'speak' | 'cancel' | 'addEventListener'>;

/** The page's speech synthesis, read when used (absent in some browsers and in WebViews). */
const speech = (): Speech | undefined => (globalThis as { speechSynthesis?: Speech }).speechSynthesis;

/** A voice for `lang`: for Chinese one for mainland Chinese (`zh-CN`) first, then any Chinese; for English any. */
export function voiceFor(lang: ContentLang): SpeechSynthesisVoice | undefined {
  const voices = speech()?.getVoices() ?? [];
  const of = (re: RegExp) => voices.find((v) => re.test(v.lang));
  return lang === 'zh' ? (of(/^zh[-_](cn|hans)/i) ?? of(/^(zh|cmn)\b/i)) : of(/^en\b/i);
}

/** Hosts to re-render when the voices arrive (one `voiceschanged` listener per page). */
const waiting = new Set<ReactiveControllerHost>();
const listened = new WeakSet<Speech>();

/** The read-aloud state of one element: what it reads now, if anything; it stops when the element leaves the page. */
export class ReadAloud implements ReactiveController {
  /** The key of the text being read (`undefined`: silent). */
  reading?: string;
  private utterance?: SpeechSynthesisUtterance;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this.hostConnected();
  }

  hostConnected(): void {
    const s = speech();
    if (!s) return;
    waiting.add(this.host);
    if (!listened.has(s)) {
      listened.add(s);
      s.addEventListener('voiceschanged', () => waiting.forEach((h) => h.requestUpdate()));
    }
  }

  hostDisconnected(): void {
    waiting.delete(this.host);
    this.stop();
  }

  /**
   * The button that reads `text` in `lang` (a voice of that language exists), else nothing.
   * `key` names the text (e.g. the keyword id): the button of the text being read is pressed.
   */
  button(key: string, text: string, lang: ContentLang): TemplateResult | typeof nothing {
    const voice = voiceFor(lang);
    if (!voice) return nothing;
    const on = this.reading === key;
    return html`<button
      part="read-aloud"
      class="read-aloud"
      type="button"
      aria-pressed=${on ? 'true' : 'false'}
      @click=${() => (on ? this.stop() : this.speak(key, text, voice))}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24">
        <path d="M4 9v6h4l5 4V5L8 9H4zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z"></path>
      </svg>
      ${msg('Read aloud', { id: 'read-aloud' })}
    </button>`;
  }

  /** Reads `text` with `voice`, stopping whatever this page was reading. */
  speak(key: string, text: string, voice: SpeechSynthesisVoice): void {
    const s = speech();
    const Utterance = (globalThis as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance }).SpeechSynthesisUtterance;
    if (!s || !Utterance) return;
    s.cancel();
    const u = new Utterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    const done = (): void => {
      if (this.utterance !== u) return;
      this.utterance = this.reading = undefined;
      this.host.requestUpdate();
    };
    u.addEventListener('end', done);
    u.addEventListener('error', done);
    this.utterance = u;
    this.reading = key;
    s.speak(u);
    this.host.requestUpdate();
  }

  /** Stops reading (closing, Escape, the pressed button); nothing when silent. */
  stop(): void {
    if (!this.utterance) return;
    this.utterance = this.reading = undefined;
    speech()?.cancel();
    this.host.requestUpdate();
  }
}
