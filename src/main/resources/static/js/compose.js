// The composer: each chosen account shows its network's own fields (a YouTube title...); the others stay hidden.
(function () {
  'use strict';

  function showChosenAccountsFields() {
    document.querySelectorAll('fieldset[data-fields-for]').forEach(function (fieldset) {
      var box = document.querySelector('input[name="accounts"][value="' + fieldset.getAttribute('data-fields-for') + '"]');
      fieldset.hidden = !(box && box.checked);
    });
  }

  document.addEventListener('change', function (event) {
    if (event.target && event.target.name === 'accounts') {
      showChosenAccountsFields();
    }
  });
  document.addEventListener('DOMContentLoaded', showChosenAccountsFields);
}());
