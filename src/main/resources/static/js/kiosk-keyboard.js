/*
 * Hall24 kiosk on-screen keyboard, with a pinyin input method (docs/kiosk-keyboard.md).
 *
 * Fields opt in with data-kb="pinyin|alpha|digits|id|phone|decimal". The keyboard listens on the
 * document (event delegation), so fields that htmx swaps in work without any set-up; every such
 * field gets inputmode="none" so the operating system's own keyboard never opens. Labels come from
 * the keyboard element's data-label-* attributes (message keys rendered by the fragment).
 * Nothing is kept anywhere: no localStorage, sessionStorage or cookies; the pinyin being typed
 * lives in this script's memory until it is chosen, cleared or the field is left.
 */
(function () {
  'use strict';

  var FIELDS = '[data-kb]';
  var PAGE_SIZE = 8;
  var MAX_PINYIN = 40;

  var LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
  var DIGIT_ROW = '1234567890';
  var PADS = {
    digits: ['123', '456', '789', ':0'],
    phone: ['123', '456', '789', ':0'],
    id: ['123', '456', '789', 'X0'],
    decimal: ['123', '456', '789', '.0']
  };
  var ACCEPTS = {
    digits: /^[0-9]$/,
    phone: /^[0-9]$/,
    id: /^[0-9X]$/,
    decimal: /^[0-9.]$/
  };

  var kb;             // the keyboard element
  var target = null;  // the field being typed into
  var layout = null;  // the target's data-kb
  var chinese = true; // pinyin fields: Chinese (composition) or English letters
  var upper = false;  // letters in capitals
  var pinyin = '';    // the composition
  var page = 0;
  var answer = null;  // the last candidates answer for the composition
  var asked = 0;      // sequence of candidate requests, so a late answer is ignored
  var valueOnFocus = '';

  function label(name) {
    return kb.getAttribute('data-label-' + name) || name;
  }

  /** Marks fields so the OS keyboard stays closed, before they are ever focused. */
  function suppressSystemKeyboard(root) {
    if (root.matches && root.matches(FIELDS)) {
      root.setAttribute('inputmode', 'none');
    }
    if (root.querySelectorAll) {
      root.querySelectorAll(FIELDS).forEach(function (field) {
        field.setAttribute('inputmode', 'none');
      });
    }
  }

  function button(text, attrs, classes) {
    var b = document.createElement('button');
    b.type = 'button';
    b.tabIndex = -1;
    b.className = 'kb-key' + (classes ? ' ' + classes : '');
    b.textContent = text;
    Object.keys(attrs).forEach(function (k) { b.setAttribute(k, attrs[k]); });
    return b;
  }

  function row(keys, classes) {
    var r = document.createElement('div');
    r.className = 'kb-row' + (classes ? ' ' + classes : '');
    keys.forEach(function (k) { r.appendChild(k); });
    return r;
  }

  function characterKey(c) {
    return button(c, { 'data-key': c, 'aria-label': c }, 'kb-char');
  }

  function actionKey(action, text, classes) {
    return button(text, { 'data-action': action }, 'kb-action ' + (classes || ''));
  }

  function nextField() {
    if (!target) {
      return null;
    }
    var scope = target.form || document;
    var fields = Array.prototype.slice.call(scope.querySelectorAll('input, textarea, select'))
      .filter(function (f) {
        return !f.disabled && !f.readOnly && f.type !== 'hidden' && f.type !== 'submit' && f.type !== 'button'
          && f.offsetParent !== null;
      });
    var i = fields.indexOf(target);
    return i >= 0 && i + 1 < fields.length ? fields[i + 1] : null;
  }

  function render() {
    var keys = kb.querySelector('.kb-keys');
    keys.innerHTML = '';
    keys.setAttribute('data-layout', layout);
    var next = nextField();
    var enter = next ? actionKey('next', label('next'), 'kb-enter') : actionKey('done', label('done'), 'kb-enter');
    if (PADS[layout]) {
      PADS[layout].forEach(function (line, i) {
        var ks = line.split('').map(function (c) {
          return c === ':' ? actionKey('clear', label('clear')) : characterKey(c);
        });
        if (i === PADS[layout].length - 1) {
          ks.push(actionKey('backspace', label('backspace'), 'kb-backspace'));
        }
        keys.appendChild(row(ks, 'kb-pad'));
      });
      var last = [actionKey('hide', label('hide'))];
      if (layout !== 'digits' && layout !== 'phone') {
        last.push(actionKey('clear', label('clear')));
      }
      last.push(enter);
      keys.appendChild(row(last, 'kb-pad'));
    } else {
      var composing = layout === 'pinyin' && chinese;
      keys.appendChild(row(DIGIT_ROW.split('').map(characterKey)));
      LETTER_ROWS.forEach(function (line, i) {
        var ks = line.split('').map(function (c) {
          return characterKey(upper && !composing ? c.toUpperCase() : c);
        });
        if (i === 2) {
          ks.push(actionKey('backspace', label('backspace'), 'kb-backspace kb-wide'));
        }
        keys.appendChild(row(ks));
      });
      var bottom = [];
      if (layout === 'pinyin') {
        var toggle = actionKey('toggle', chinese ? label('chinese') : label('english'), 'kb-toggle');
        toggle.setAttribute('aria-label', label('toggle'));
        toggle.setAttribute('aria-pressed', String(chinese));
        bottom.push(toggle);
      }
      if (composing) {
        bottom.push(button(label('separator') + " '", { 'data-key': "'" }, 'kb-char kb-separator'));
      } else {
        var shift = actionKey('shift', label('shift'), 'kb-shift');
        shift.setAttribute('aria-pressed', String(upper));
        bottom.push(shift);
      }
      bottom.push(actionKey('space', label('space'), 'kb-space'));
      bottom.push(actionKey('clear', label('clear')));
      bottom.push(enter);
      bottom.push(actionKey('hide', label('hide')));
      keys.appendChild(row(bottom, 'kb-bottom'));
    }
    renderComposition();
  }

  function renderComposition() {
    var ime = kb.querySelector('.kb-ime');
    var composing = layout === 'pinyin' && chinese;
    ime.hidden = !composing;
    kb.querySelector('.kb-composition').textContent = pinyin;
    var list = kb.querySelector('.kb-candidate-list');
    list.innerHTML = '';
    var previous = kb.querySelector('[data-action="previous-page"]');
    var more = kb.querySelector('[data-action="next-page"]');
    previous.disabled = true;
    more.disabled = true;
    if (!composing || !pinyin || !answer) {
      return;
    }
    answer.choices.forEach(function (choice) {
      var b = button(choice.text, { 'data-action': 'choose', 'data-consumed': choice.consumed, role: 'option' },
        'kb-candidate');
      list.appendChild(b);
    });
    previous.disabled = answer.offset === 0;
    more.disabled = !answer.more;
    if (answer.choices.length === 0) {
      message(label('none'));
    }
  }

  function message(text) {
    kb.querySelector('.kb-message').textContent = text || '';
  }

  function lookUp() {
    var sequence = ++asked;
    answer = null;
    renderComposition();
    if (!pinyin) {
      return;
    }
    var url = kb.getAttribute('data-candidates-url') + '?py=' + encodeURIComponent(pinyin)
      + '&offset=' + page * PAGE_SIZE + '&limit=' + PAGE_SIZE;
    fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (json) {
        if (sequence === asked) {
          answer = json;
          message('');
          renderComposition();
        }
      })
      .catch(function () {
        if (sequence === asked) {
          message(label('unavailable'));
        }
      });
  }

  function setComposition(text) {
    pinyin = text;
    page = 0;
    message('');
    lookUp();
  }

  function codePoints(text) {
    return Array.from(text);
  }

  /** Inserts text at the caret, within the field's maxlength; tells the form with an input event. */
  function insert(text) {
    if (!target) {
      return;
    }
    var value = target.value;
    var start = selectionStart(value.length);
    var end = selectionEnd(start);
    var max = target.maxLength;
    var room = max >= 0 ? max - (codePoints(value).length - codePoints(value.slice(start, end)).length) : Infinity;
    var added = codePoints(text);
    if (added.length > room) {
      added = added.slice(0, Math.max(0, room));
      message(label('full'));
    }
    if (added.length === 0) {
      return;
    }
    var inserted = added.join('');
    target.value = value.slice(0, start) + inserted + value.slice(end);
    setCaret(start + inserted.length);
    target.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function backspace() {
    var value = target.value;
    var start = selectionStart(value.length);
    var end = selectionEnd(start);
    if (start === end) {
      if (start === 0) {
        return;
      }
      var before = codePoints(value.slice(0, start));
      before.pop();
      start = before.join('').length;
    }
    target.value = value.slice(0, start) + value.slice(end);
    setCaret(start);
    message('');
    target.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function selectionStart(fallback) {
    try {
      return target.selectionStart == null ? fallback : target.selectionStart;
    } catch (e) {
      return fallback;
    }
  }

  function selectionEnd(fallback) {
    try {
      return target.selectionEnd == null ? fallback : target.selectionEnd;
    } catch (e) {
      return fallback;
    }
  }

  function setCaret(position) {
    try {
      target.setSelectionRange(position, position);
    } catch (e) {
      // fields without a caret (type=number, email) simply keep their value
    }
  }

  function accepts(c) {
    var rule = ACCEPTS[layout];
    return !rule || rule.test(c);
  }

  function typeCharacter(c) {
    if (layout === 'pinyin' && chinese && /^[a-z']$/.test(c)) {
      if (c === "'" && (!pinyin || pinyin.slice(-1) === "'")) {
        return;
      }
      if (pinyin.length < MAX_PINYIN) {
        setComposition(pinyin + c);
      }
      return;
    }
    if (c === "'" && layout === 'pinyin') {
      return;
    }
    if (accepts(c) && !(c === '.' && layout === 'decimal' && target.value.indexOf('.') >= 0)) {
      insert(c);
    }
  }

  function choose(choiceButton) {
    var consumed = choiceButton.getAttribute('data-consumed') || pinyin;
    insert(choiceButton.textContent);
    setComposition(pinyin.slice(consumed.length).replace(/^'+/, ''));
  }

  function leaveField() {
    if (target && target.value !== valueOnFocus) {
      target.dispatchEvent(new Event('change', { bubbles: true }));
    }
    pinyin = '';
    answer = null;
    page = 0;
    asked++;
  }

  function act(action, key) {
    switch (action) {
      case 'choose':
        choose(key);
        break;
      case 'backspace':
        if (pinyin) {
          setComposition(pinyin.slice(0, -1));
        } else {
          backspace();
        }
        break;
      case 'clear':
        pinyin = '';
        answer = null;
        asked++;
        renderComposition();
        message('');
        if (target.value !== '') {
          target.value = '';
          target.dispatchEvent(new Event('input', { bubbles: true }));
        }
        break;
      case 'space':
        if (pinyin && answer && answer.choices.length > 0) {
          choose(kb.querySelector('.kb-candidate'));
        } else if (!pinyin) {
          insert(' ');
        }
        break;
      case 'toggle':
        chinese = !chinese;
        pinyin = '';
        answer = null;
        asked++;
        render();
        break;
      case 'shift':
        upper = !upper;
        render();
        break;
      case 'previous-page':
        if (page > 0) {
          page--;
          lookUp();
        }
        break;
      case 'next-page':
        if (answer && answer.more) {
          page++;
          lookUp();
        }
        break;
      case 'next':
        var next = nextField();
        if (next) {
          next.focus();
        } else {
          hide();
        }
        break;
      case 'done':
      case 'hide':
        hide();
        break;
    }
  }

  function show(field) {
    if (target === field) {
      return;
    }
    if (target) {
      leaveField();
    }
    target = field;
    valueOnFocus = field.value;
    layout = field.getAttribute('data-kb') || 'alpha';
    if (!PADS[layout] && layout !== 'pinyin') {
      layout = 'alpha';
    }
    chinese = true;
    upper = false;
    message('');
    render();
    kb.hidden = false;
    document.body.classList.add('kb-open');
    document.body.style.setProperty('--kb-height', kb.offsetHeight + 'px');
    field.scrollIntoView({ block: 'nearest' });
  }

  // While a finger is on the screen the page must not move: the room kept for the keyboard goes
  // only once the touch ends, after its click, or a tap on a link just below a field would land
  // on whatever the shorter page slid under the finger.
  var pointerIsDown = false;

  function releaseRoom() {
    var release = function () {
      window.setTimeout(function () {
        if (kb.hidden) {
          document.body.classList.remove('kb-open');
        }
      }, 0);
    };
    if (pointerIsDown) {
      document.addEventListener('pointerup', release, { once: true, capture: true });
    } else {
      release();
    }
  }

  function hide() {
    var field = target;
    leaveField();
    target = null;
    kb.hidden = true;
    releaseRoom();
    if (field && document.activeElement === field) {
      field.blur();
    }
  }

  function start() {
    kb = document.getElementById('kiosk-keyboard');
    if (!kb) {
      return;
    }
    suppressSystemKeyboard(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (m) {
        m.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) {
            suppressSystemKeyboard(node);
          }
        });
      });
      if (target && !document.contains(target)) {
        hide();
      }
    }).observe(document.body, { childList: true, subtree: true });

    document.addEventListener('pointerdown', function () { pointerIsDown = true; }, true);
    document.addEventListener('pointerup', function () { pointerIsDown = false; }, true);
    document.addEventListener('pointercancel', function () { pointerIsDown = false; }, true);
    // Marks a field at the first touch, before the browser decides on its own keyboard.
    document.addEventListener('pointerdown', function (e) {
      var field = e.target.closest && e.target.closest(FIELDS);
      if (field) {
        field.setAttribute('inputmode', 'none');
      }
    }, true);
    document.addEventListener('focusin', function (e) {
      var field = e.target.closest && e.target.closest(FIELDS);
      if (field) {
        field.setAttribute('inputmode', 'none');
        show(field);
      } else if (target && !kb.contains(e.target)) {
        hide();
      }
    });
    // Keys never take the focus away from the field.
    ['pointerdown', 'mousedown'].forEach(function (type) {
      kb.addEventListener(type, function (e) {
        if (e.target.closest('button')) {
          e.preventDefault();
        }
      });
    });
    kb.addEventListener('click', function (e) {
      var key = e.target.closest('button');
      if (!key || !target || key.disabled) {
        return;
      }
      var c = key.getAttribute('data-key');
      if (c !== null) {
        typeCharacter(c);
      } else {
        act(key.getAttribute('data-action'), key);
      }
      if (target && document.activeElement !== target) {
        target.focus({ preventScroll: true });
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
