// The unit picker: a type-ahead over the units of the user's scope (without diacritics, on the
// server). Two forms:
//  - [data-unit-picker="single"] on a text input: choosing a unit writes its code in the input;
//  - [data-unit-picker="multiple"] on a container: chosen units, whole subtrees and all units of
//    a type become hidden inputs named data-name, with values UNIT:id, SUBTREE:id, TYPE:TYPE.
// Without JavaScript the single input still takes a typed code.
(function () {
  'use strict';

  function debounce(fn, wait) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, wait);
    };
  }

  function lookup(text) {
    return fetch('/units/lookup?q=' + encodeURIComponent(text), {
      credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    }).then(function (response) { return response.ok ? response.json() : []; });
  }

  function combobox(input, listId, onChoose, texts) {
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'list-group unit-picker-list';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.insertAdjacentElement('afterend', list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');
    var options = [];
    var active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.element.classList.toggle('active', i === index);
        option.element.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].element.id);
        options[index].element.scrollIntoView({ block: 'nearest' });
      }
    }

    function show(units) {
      list.replaceChildren();
      options = [];
      if (units.length === 0) {
        var none = document.createElement('li');
        none.className = 'list-group-item text-body-secondary';
        none.textContent = texts.none;
        list.appendChild(none);
      }
      units.forEach(function (unit, i) {
        var item = document.createElement('li');
        item.id = listId + '-' + i;
        item.className = 'list-group-item list-group-item-action';
        item.setAttribute('role', 'option');
        var name = document.createElement('span');
        name.textContent = unit.name;
        var detail = document.createElement('small');
        detail.className = 'd-block text-body-secondary';
        detail.textContent = unit.code + ' · ' + unit.type + (unit.parent ? ' · ' + unit.parent : '');
        item.appendChild(name);
        item.appendChild(detail);
        item.addEventListener('mousedown', function (event) {
          event.preventDefault();
          onChoose(unit);
          close();
        });
        list.appendChild(item);
        options.push({ element: item, unit: unit });
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }

    var search = debounce(function () {
      var text = input.value.trim();
      if (text.length < 2) {
        close();
        return;
      }
      lookup(text).then(show);
    }, 200);

    input.addEventListener('input', search);
    input.addEventListener('blur', close);
    input.addEventListener('keydown', function (event) {
      if (list.hidden || options.length === 0) {
        return;
      }
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        highlight((active - 1 + options.length) % options.length);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        onChoose(options[active].unit);
        close();
      } else if (event.key === 'Escape') {
        close();
      }
    });
  }

  function single(input, index) {
    combobox(input, 'unit-picker-' + index, function (unit) {
      input.value = unit.code;
      input.dispatchEvent(new Event('change'));
    }, { none: input.dataset.noneText || '—' });
  }

  function multiple(container, index) {
    var name = container.dataset.name;
    var input = container.querySelector('input[data-unit-picker-search]');
    var chosen = container.querySelector('[data-unit-picker-chosen]');
    var texts = {
      none: container.dataset.noneText, unit: container.dataset.unitText,
      subtree: container.dataset.subtreeText, remove: container.dataset.removeText
    };

    function add(token, label) {
      if (chosen.querySelector('input[value="' + token + '"]')) {
        return;
      }
      var item = document.createElement('li');
      item.className = 'list-group-item d-flex justify-content-between align-items-center';
      var text = document.createElement('span');
      text.textContent = label;
      var hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = name;
      hidden.value = token;
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'btn btn-sm btn-outline-danger';
      remove.textContent = texts.remove;
      remove.setAttribute('aria-label', texts.remove + ': ' + label);
      remove.addEventListener('click', function () { item.remove(); input.focus(); });
      item.appendChild(text);
      item.appendChild(hidden);
      item.appendChild(remove);
      chosen.appendChild(item);
    }

    chosen.querySelectorAll('button[data-remove]').forEach(function (button) {
      button.addEventListener('click', function () { button.closest('li').remove(); });
    });
    var subtreeToggle = container.querySelector('input[data-unit-picker-subtree]');
    combobox(input, 'unit-picker-' + index, function (unit) {
      if (subtreeToggle && subtreeToggle.checked && unit.children > 0) {
        add('SUBTREE:' + unit.id, unit.name + ' ' + texts.subtree);
      } else {
        add('UNIT:' + unit.id, unit.name);
      }
      input.value = '';
    }, texts);
    var typeSelect = container.querySelector('select[data-unit-picker-type]');
    var typeButton = container.querySelector('button[data-unit-picker-add-type]');
    if (typeSelect && typeButton) {
      typeButton.addEventListener('click', function () {
        if (typeSelect.value) {
          add('TYPE:' + typeSelect.value, typeSelect.options[typeSelect.selectedIndex].text);
        }
      });
    }
  }

  document.querySelectorAll('input[data-unit-picker="single"]').forEach(single);
  document.querySelectorAll('[data-unit-picker="multiple"]').forEach(function (container, i) {
    multiple(container, 100 + i);
  });
}());
