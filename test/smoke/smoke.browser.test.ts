import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as lhtml } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('x-smoke')
class XSmoke extends LitElement {
  @property() name = 'world';
  override render() {
    return lhtml`<p>hello ${this.name}</p>`;
  }
}

describe('smoke', () => {
  it('renders a decorated Lit element', async () => {
    const el = await fixture<XSmoke>(html`<x-smoke name="bj"></x-smoke>`);
    expect(el.shadowRoot!.textContent).to.contain('hello bj');
    await expect(el).to.be.accessible();
  });
});
