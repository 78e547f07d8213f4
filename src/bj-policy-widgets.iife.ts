/**
 * Entry of the classic-script bundle (dist/bj-policy-widgets.iife.js): the same elements as the
 * ES module, without exports, so the script adds no global variable to the page.
 */
import './bj-policy-widgets.js';
