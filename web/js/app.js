// Pathway single-page app: entry module. For now it reports whether the API
// and its database answer; the screens of issue 7 hang off this module.
const statusEl = document.getElementById('status');

async function showHealth() {
  try {
    const res = await fetch('/api/v1/health', { headers: { Accept: 'application/json' } });
    const body = await res.json();
    if (res.ok) {
      statusEl.textContent = `Service is up (version ${body.version}, schema ${body.schema_version}).`;
      statusEl.className = 'status-ok';
    } else {
      statusEl.textContent = body.error ? body.error.message : `The service answered ${res.status}.`;
      statusEl.className = 'status-bad';
    }
  } catch (e) {
    statusEl.textContent = 'The service cannot be reached.';
    statusEl.className = 'status-bad';
  }
}

showHealth();
