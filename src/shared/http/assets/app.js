// Progressive enhancement only: every page works without this file.
document.addEventListener('htmx:responseError', (event) => {
  const status = event.detail.xhr ? event.detail.xhr.status : 0;
  if (status >= 500) {
    const region = document.getElementById('flash-region');
    if (region) region.textContent = document.documentElement.dataset.serverError || '';
  }
});
