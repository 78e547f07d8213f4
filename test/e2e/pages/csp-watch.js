// Collects Content-Security-Policy violations so the e2e tests can assert there are none.
window.bjCspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.bjCspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
});
