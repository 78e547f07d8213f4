import { css } from 'lit';

export const styles = css`
  :host {
    /* The element adds no box of its own: its content lays out as if it were not there. */
    display: contents;
  }

  :host([hidden]) {
    display: none;
  }
`;
