// Never download a browser: tests use Debian's chromium and firefox-esr (see scripts/setup.sh).
module.exports = { skipDownload: true };
