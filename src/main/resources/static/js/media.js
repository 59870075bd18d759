// The media library's upload form: a file over the server's limit is refused here, before it travels.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var input = form.querySelector && form.querySelector('input[type=file][data-max-bytes]');
    if (!input || !input.files || !input.files.length) {
      return;
    }
    var max = Number(input.getAttribute('data-max-bytes'));
    if (input.files[0].size <= max) {
      return;
    }
    event.preventDefault();
    var error = document.getElementById(input.id + '-error');
    if (!error) {
      error = document.createElement('small');
      error.id = input.id + '-error';
      input.insertAdjacentElement('afterend', error);
    }
    error.textContent = input.getAttribute('data-too-large');
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  });
})();
