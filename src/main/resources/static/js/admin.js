// The administration's copy buttons: copies the field the button names, says so to screen readers.
document.addEventListener('click', (event) => {
  const button = event.target.closest('button.copy[data-copy]');
  if (!button) {
    return;
  }
  const field = document.getElementById(button.dataset.copy);
  if (!field) {
    return;
  }
  const status = document.getElementById('copy-status');
  const done = () => {
    const copied = status ? status.dataset.copied : 'Copié';
    button.dataset.label = button.dataset.label || button.textContent;
    button.textContent = '✓ ' + copied;
    if (status) {
      status.textContent = copied + ' : ' + field.value;
    }
    setTimeout(() => { button.textContent = button.dataset.label; }, 2000);
  };
  field.focus();
  field.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, () => {
      if (document.execCommand('copy')) {
        done();
      }
    });
  } else if (document.execCommand('copy')) {
    done();
  }
});
