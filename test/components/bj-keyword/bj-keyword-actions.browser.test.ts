import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/bj-glossary/bj-glossary.js';
import '../../../src/components/bj-keyword/bj-keyword.js';
import type { BjKeyword } from '../../../src/components/bj-keyword/bj-keyword.js';
import { INDEX, part, testIndex, waitContent, waitHidden, waitShown, withFreshKeywords } from '../../helpers/keyword.js';
import { waitUntil } from '../../helpers/wait.js';

/** A stand-in for the browser's speech synthesis: its voices, and what it was asked to say. */
class FakeSpeech extends EventTarget {
  spoken: Array<{ text: string; lang: string }> = [];
  cancelled = 0;
  constructor(public voices: Array<{ lang: string; name: string }>) {
    super();
  }
  getVoices() {
    return this.voices;
  }
  speak(u: { text: string; lang: string }) {
    this.spoken.push({ text: u.text, lang: u.lang });
  }
  cancel() {
    this.cancelled++;
  }
}

/** Utterances that record their text, lang and voice (the real one accepts only the browser's own voices). */
class FakeUtterance extends EventTarget {
  lang = '';
  voice: unknown = null;
  constructor(public text: string) {
    super();
  }
}

const w = window as unknown as Record<string, unknown>;
const saved = ['speechSynthesis', 'SpeechSynthesisUtterance'].map((name) => [name, Object.getOwnPropertyDescriptor(window, name)] as const);

function withSpeech(speech: FakeSpeech | undefined): void {
  Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true, writable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true, writable: true });
}

function restoreSpeech(): void {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(window, name, descriptor);
    else delete w[name];
  }
}

async function open(template: ReturnType<typeof html>): Promise<BjKeyword> {
  const wrap = await fixture<HTMLElement>(template);
  const el = (wrap.localName === 'bj-keyword' ? wrap : wrap.querySelector('bj-keyword')!) as BjKeyword;
  void el.show();
  await waitShown(el);
  await waitContent(el);
  return el;
}

const readButton = (el: BjKeyword) => part(el, 'read-aloud') as HTMLButtonElement | null;

describe('<bj-keyword> read aloud', () => {
  withFreshKeywords();
  afterEach(restoreSpeech);

  it('reads the title and definition in the language shown, with a voice of that language, and stops on Escape', async () => {
    const speech = new FakeSpeech([
      { lang: 'en-US', name: 'English' },
      { lang: 'zh-CN', name: 'Chinese' },
    ]);
    withSpeech(speech);
    const el = await open(html`<p lang="en"><bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword></p>`);
    await waitUntil(() => readButton(el), 'a Read aloud button');
    const button = readButton(el)!;
    expect(button.textContent!.trim()).to.equal('Read aloud');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(speech.spoken, 'never reads by itself').to.have.length(0);
    button.click();
    const sandbox = testIndex().term('regulatory-sandbox')!;
    expect(speech.spoken).to.have.length(1);
    expect(speech.spoken[0]!.lang).to.equal('en-US');
    expect(speech.spoken[0]!.text).to.contain(sandbox.title.en);
    expect(speech.spoken[0]!.text).to.contain(sandbox.definition.en![0]);
    expect(speech.spoken[0]!.text).not.to.contain(sandbox.title.zh);
    await waitUntil(() => readButton(el)?.getAttribute('aria-pressed') === 'true', 'the button says it is reading');
    const before = speech.cancelled;
    await sendKeys({ press: 'Escape' });
    await waitHidden(el);
    expect(speech.cancelled).to.be.greaterThan(before);
  });

  it('reads Chinese with a zh-CN voice where the text is Chinese', async () => {
    const speech = new FakeSpeech([
      { lang: 'en-GB', name: 'English' },
      { lang: 'zh-TW', name: 'Taiwan' },
      { lang: 'zh-CN', name: 'Mainland' },
    ]);
    withSpeech(speech);
    const el = await open(html`<p lang="zh-CN"><bj-keyword index=${INDEX}>监管沙盒</bj-keyword></p>`);
    await waitUntil(() => readButton(el), 'a Read aloud button');
    readButton(el)!.click();
    expect(speech.spoken[0]!.lang).to.equal('zh-CN');
    expect(speech.spoken[0]!.text).to.contain('监管沙盒');
  });

  it('has no button without a voice for the language shown, nor without speech synthesis', async () => {
    withSpeech(new FakeSpeech([{ lang: 'en-US', name: 'English' }]));
    const zh = await open(html`<p lang="zh-CN"><bj-keyword index=${INDEX}>监管沙盒</bj-keyword></p>`);
    const en = await open(html`<p lang="en"><bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword></p>`);
    await waitUntil(() => readButton(en), 'the English one has it');
    expect(readButton(zh)).to.equal(null);
    withSpeech(undefined);
    const none = await open(html`<p lang="en"><bj-keyword index=${INDEX}>time banking</bj-keyword></p>`);
    // The actions part has arrived (the English keyword above drew its button): still no button here.
    await none.updateComplete;
    expect(readButton(none)).to.equal(null);
  });

  it('shows the button once the voices arrive (voiceschanged)', async () => {
    const speech = new FakeSpeech([]);
    withSpeech(speech);
    const el = await open(html`<p lang="en"><bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword></p>`);
    await el.updateComplete;
    expect(readButton(el)).to.equal(null);
    speech.voices = [{ lang: 'en-US', name: 'English' }];
    speech.dispatchEvent(new Event('voiceschanged'));
    await waitUntil(() => readButton(el), 'the button appears with the voice');
  });
});

describe('<bj-keyword> "Full entry"', () => {
  withFreshKeywords();
  let meta: HTMLMetaElement | undefined;
  afterEach(() => {
    meta?.remove();
    meta = undefined;
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  it('is absent when the page names no glossary', async () => {
    const el = await open(html`<p lang="en"><bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword></p>`);
    await el.updateComplete;
    expect(part(el, 'full-entry')).to.equal(null);
  });

  it('links to the keyword in the glossary named by <meta name="bj-glossary-url">, and lands on its entry', async () => {
    // The glossary is on this very page: following the link is a fragment navigation, observable here.
    meta = Object.assign(document.createElement('meta'), { name: 'bj-glossary-url', content: `${location.pathname}${location.search}` });
    document.head.append(meta);
    const wrap = await fixture<HTMLElement>(
      html`<div lang="en">
        <p><bj-keyword index=${INDEX}>regulatory sandbox</bj-keyword></p>
        <div style="height: 2000px"></div>
        <bj-glossary index=${INDEX}></bj-glossary>
      </div>`,
    );
    const glossary = wrap.querySelector('bj-glossary')!;
    await waitUntil(() => glossary.querySelector('#regulatory-sandbox'), 'the glossary lists the keyword');
    const el = wrap.querySelector('bj-keyword')!;
    void el.show();
    await waitShown(el);
    await waitContent(el);
    await waitUntil(() => part(el, 'full-entry'), 'a Full entry link');
    const link = part(el, 'full-entry') as HTMLAnchorElement;
    expect(link.textContent!.trim()).to.equal('Full entry');
    expect(link.href).to.equal(new URL(`${location.pathname}${location.search}#regulatory-sandbox`, location.href).href);
    link.click();
    const entry = glossary.querySelector<HTMLElement>('#regulatory-sandbox')!;
    await waitUntil(() => location.hash === '#regulatory-sandbox', 'the address names the keyword');
    await waitUntil(() => {
      const r = entry.getBoundingClientRect();
      return r.top >= -1 && r.top < innerHeight;
    }, 'the entry is in view');
    expect(entry.matches(':target')).to.equal(true);
  });
});
