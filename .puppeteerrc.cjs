// Never download a browser: tests use Debian's chromium and firefox-esr (see scripts/ensure-install.mjs).
module.exports = { skipDownload: true };
