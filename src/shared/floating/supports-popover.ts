/** Whether this browser has the Popover API (a module of its own: the loader needs it, not the positioning). */
export const supportsPopover: boolean =
  typeof HTMLElement !== 'undefined' && Object.prototype.hasOwnProperty.call(HTMLElement.prototype, 'popover');
