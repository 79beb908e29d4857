// The attempt page's enhancements; everything works without this file (the deadline is shown,
// "Save answers" posts every answer, and finishing asks again on the server when some are open).
(function () {
  const form = document.getElementById('attempt-form');
  const finishButton = document.getElementById('finish-button');
  const confirmField = document.getElementById('confirm-finish');
  if (!form || !finishButton || !confirmField) return;

  const unanswered = () =>
    Array.from(form.querySelectorAll('fieldset[data-question]')).filter((set) => !set.querySelector('input:checked'))
      .length;

  // Finishing with open questions asks first (the server asks the same without JavaScript).
  finishButton.addEventListener('click', (event) => {
    if (confirmField.value === 'yes') return;
    const open = unanswered();
    if (open === 0 || window.confirm((form.dataset.confirmFinish || '').replace('{count}', String(open)))) {
      confirmField.value = 'yes';
    } else {
      event.preventDefault();
    }
  });

  const countdown = document.getElementById('countdown');
  if (!countdown) return;
  const announcer = document.getElementById('countdown-announce');
  // Measured from the page load with the server's remaining time: the reader's clock may be off.
  const remaining = Number(countdown.dataset.remainingMs);
  const loadedAt = Date.now();
  const pad = (value) => String(value).padStart(2, '0');
  const announced = new Set();
  let timer;

  const tick = () => {
    const seconds = Math.max(0, Math.ceil((remaining - (Date.now() - loadedAt)) / 1000));
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const clock = `${hours > 0 ? `${hours}:` : ''}${pad(minutes)}:${pad(seconds % 60)}`;
    countdown.textContent = `${countdown.dataset.leftLabel || ''} ${clock}`;
    // Screen readers hear a few milestones, not every second.
    for (const mark of [10, 5, 1]) {
      if (seconds <= mark * 60 && seconds > 0 && !announced.has(mark) && remaining > mark * 60 * 1000) {
        announced.add(mark);
        if (announcer) announcer.textContent = (announcer.dataset.minutes || '').replace('{minutes}', String(mark));
      }
    }
    if (seconds === 0) {
      window.clearInterval(timer);
      if (announcer) announcer.textContent = announcer.dataset.over || '';
      confirmField.value = 'yes';
      form.requestSubmit(finishButton);
    }
  };
  countdown.hidden = false;
  tick();
  timer = window.setInterval(tick, 1000);
})();
