import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { openFloating } from '../../src/shared/floating/popover.js';
import { afterFrame } from '../helpers/wait.js';

/**
 * `openFloating` where the Popover API is missing (a panel without `popover`, as in browsers from
 * before 2024): the panel is `position: fixed`, so a transformed ancestor becomes its containing
 * block and the page's coordinates must be made relative to it.
 */
describe('openFloating without the Popover API', () => {
  beforeEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  /** A reference and its panel inside a container moved by `transform`, in a shadow root. */
  async function setup(): Promise<{ reference: HTMLElement; panel: HTMLElement }> {
    const host = await fixture<HTMLElement>(html`<div style="margin:50px 0 0 30px"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<div style="transform:translate(41px,27px);padding:20px">
        Term: <span id="ref">monitoring sandbox</span>
        <div id="panel" hidden style="position:fixed;top:0;left:0;width:200px;height:80px;background:#eee">Definition</div>
      </div>`;
    return { reference: root.getElementById('ref')!, panel: root.getElementById('panel')! };
  }

  it('opens right under its reference inside a transformed container', async () => {
    const { reference, panel } = await setup();
    let placement = '';
    const close = openFloating(reference, panel, { onPlaced: (p) => (placement = p) });
    await afterFrame();
    const rect = panel.getBoundingClientRect();
    const ref = reference.getBoundingClientRect();
    expect(panel.hidden, 'shown').to.equal(false);
    expect(placement).to.equal('bottom-start');
    expect(rect.top - ref.bottom, 'right below the reference').to.be.within(0, 12);
    expect(Math.abs(rect.left - ref.left), 'aligned with the reference').to.be.at.most(1);
    close();
    expect(panel.hidden, 'hidden once closed').to.equal(true);
  });

  it('opens above a reference at the bottom of the screen, fully visible', async () => {
    const { reference, panel } = await setup();
    reference.parentElement!.style.marginTop = '480px';
    const close = openFloating(reference, panel);
    await afterFrame();
    const rect = panel.getBoundingClientRect();
    const ref = reference.getBoundingClientRect();
    expect(ref.bottom + 6 + rect.height, 'no room below (test set-up)').to.be.above(window.innerHeight - 8);
    expect(ref.top - rect.bottom, 'right above the reference').to.be.within(0, 12);
    expect(rect.top, 'top edge visible').to.be.at.least(0);
    close();
  });
});
