/*
 * The kiosk screen follows the server: it keeps an EventSource on /kiosk/events and
 *  - wipes the screen the moment the session ends (form fields cleared, location replaced),
 *  - goes to the identify screen when a card starts a session, to /kiosk/items when it is verified,
 *  - reloads the identify panel (htmx) when the session changes, and any element asked for by `refresh`
 *    (and, each time the stream connects, the elements marked data-refresh-on-open: a print under way),
 *  - shows the inactivity countdown in the session's last seconds; a touch or key sends an activity ping,
 *  - switches the type size in place when the 大字 / larger-text button is pressed.
 * It stores nothing in localStorage, sessionStorage or IndexedDB, and replaces history entries so that
 * "back" cannot show a previous person.
 */
(function () {
    'use strict';

    var body = document.body;
    var main = document.querySelector('[data-screen]');
    var screen = main ? main.getAttribute('data-screen') : '';
    var warningMillis = (parseInt(body.getAttribute('data-warning-seconds'), 10) || 30) * 1000;
    var expiresIn = parseInt(body.getAttribute('data-expires-in'), 10);
    var deadline = expiresIn >= 0 ? Date.now() + expiresIn : null;
    var leaving = false;
    var lastPing = 0;
    var PING_EVERY = 5000;

    var csrfToken = meta('_csrf');
    var csrfHeader = meta('_csrf_header');

    function meta(name) {
        var m = document.querySelector('meta[name="' + name + '"]');
        return m ? m.getAttribute('content') : null;
    }

    function go(url) {
        leaving = true;
        location.replace(url);
    }

    function wipe(url) {
        Array.prototype.forEach.call(document.querySelectorAll('form'), function (form) { form.reset(); });
        Array.prototype.forEach.call(document.querySelectorAll('input, textarea'), function (field) {
            if (field.type !== 'hidden') { field.value = ''; }
        });
        var content = document.querySelector('.kiosk-main');
        if (content) { content.innerHTML = ''; }
        var badge = document.getElementById('identity-badge');
        if (badge) { badge.remove(); }
        go(url);
    }

    // Nothing stays in the browser's storage: htmx notes the current path in sessionStorage even with its
    // history off, so that (and any history cache) is removed once htmx has started and after each swap.
    function clearStorage() {
        try {
            sessionStorage.clear();
            localStorage.removeItem('htmx-history-cache');
        } catch (e) { /* storage unavailable: nothing to clear */ }
    }
    document.addEventListener('DOMContentLoaded', clearStorage);
    document.addEventListener('htmx:afterSettle', clearStorage);
    window.addEventListener('pagehide', clearStorage);

    // htmx requests carry the CSRF token.
    document.addEventListener('htmx:configRequest', function (event) {
        if (csrfToken && csrfHeader) { event.detail.headers[csrfHeader] = csrfToken; }
    });

    // History: this page replaces the previous entry; links replace too; a page from the bfcache reloads.
    try { history.replaceState(null, '', location.href); } catch (e) { /* ignore */ }
    document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('a[href]');
        if (!link || link.target || event.defaultPrevented) { return; }
        var url = new URL(link.href, location.href);
        if (url.origin !== location.origin) { return; }
        event.preventDefault();
        go(url.href);
    });
    // A picked file is sent at once (a listener, not an inline onchange: the Content-Security-Policy forbids those).
    document.addEventListener('change', function (event) {
        var input = event.target;
        if (input.matches && input.matches('input[type="file"][data-submit-on-change]') && input.form) {
            input.form.requestSubmit();
        }
    });
    document.querySelectorAll('form:not([data-in-place])').forEach(function (form) {
        form.addEventListener('submit', function () { leaving = true; });
    });

    // 大字 / larger text: switched in place (nothing typed is lost), recorded on the server for this session.
    var textSize = document.getElementById('text-size-form');
    if (textSize) {
        textSize.addEventListener('submit', function (event) {
            event.preventDefault();
            var large = !document.documentElement.classList.contains('kiosk-large-text');
            document.documentElement.classList.toggle('kiosk-large-text', large);
            document.getElementById('text-size').setAttribute('aria-pressed', String(large));
            textSize.querySelector('input[name="large"]').value = String(!large);
            var headers = { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' };
            if (csrfToken && csrfHeader) { headers[csrfHeader] = csrfToken; }
            fetch(textSize.action, { method: 'POST', headers: headers, credentials: 'same-origin', cache: 'no-store',
                body: 'large=' + large })
                .catch(function () { /* the choice holds on this screen; the next one shows the recorded size */ });
        });
    }
    window.addEventListener('pageshow', function (event) {
        if (event.persisted) { location.reload(); }
    });

    // The end screen returns to the start screen by itself.
    if (screen === 'end') {
        var after = parseInt(main.getAttribute('data-return-after'), 10) || 8;
        setTimeout(function () { go('/kiosk?lang=zh-CN'); }, after * 1000);
    }

    // Live events of this kiosk.
    if (screen && screen !== 'unpaired' && window.EventSource) {
        var source = new EventSource('/kiosk/events');
        source.addEventListener('session', function () {
            if (screen === 'attract' || screen === 'end') { go('/kiosk/identify'); }
        });
        source.addEventListener('refused', function (event) {
            if (screen === 'attract' || screen === 'end') { go('/kiosk?refused=' + encodeURIComponent(event.data)); }
        });
        source.addEventListener('changed', function () {
            if (screen === 'identify' && window.htmx) { htmx.trigger(document.body, 'kiosk:changed'); }
        });
        source.addEventListener('verified', function () {
            if (screen === 'identify') { go('/kiosk/items'); }
        });
        source.addEventListener('deadline', function (event) {
            var ms = parseInt(event.data, 10);
            if (ms >= 0) { deadline = Date.now() + ms; tick(); }
        });
        source.addEventListener('ended', function (event) {
            deadline = null;
            if (screen === 'end' || (leaving && event.data === 'CITIZEN_FINISHED')) { return; }
            wipe('/kiosk?lang=zh-CN&ended=' + encodeURIComponent(event.data));
        });
        source.addEventListener('refresh', function (event) {
            var target = event.data && document.querySelector(event.data);
            if (target && window.htmx) { htmx.trigger(target, 'kiosk:refresh'); }
        });
        // Something under way when the page was made (a print) may have ended before this stream
        // connected: such elements reload once each time it (re)connects.
        source.addEventListener('open', function () {
            if (!window.htmx) { return; }
            Array.prototype.forEach.call(document.querySelectorAll('[data-refresh-on-open]'), function (element) {
                htmx.trigger(element, 'kiosk:refresh');
            });
        });
        window.addEventListener('pagehide', function () { source.close(); });
    }

    // Inactivity countdown.
    var overlay = document.getElementById('countdown');
    var overlayText = document.getElementById('countdown-text');
    var template = overlay ? overlay.getAttribute('data-text') : '';

    function tick() {
        if (!overlay) { return; }
        if (deadline === null) { overlay.hidden = true; return; }
        var left = deadline - Date.now();
        if (left <= warningMillis && left > -5000) {
            overlayText.textContent = template.replace('%s', Math.max(0, Math.ceil(left / 1000)));
            overlay.hidden = false;
        } else {
            overlay.hidden = true;
        }
        if (left <= -5000) {
            // The server's sweep ends the session; if its event got lost, wipe anyway.
            deadline = null;
            wipe('/kiosk?lang=zh-CN&ended=INACTIVITY');
        }
    }
    setInterval(tick, 250);

    function activity() {
        if (deadline === null) { return; }
        var now = Date.now();
        var urgent = overlay && !overlay.hidden;
        if (!urgent && now - lastPing < PING_EVERY) { return; }
        lastPing = now;
        var headers = { 'Accept': 'application/json' };
        if (csrfToken && csrfHeader) { headers[csrfHeader] = csrfToken; }
        fetch('/kiosk/session/touch', { method: 'POST', headers: headers, credentials: 'same-origin', cache: 'no-store' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (answer) {
                if (answer && answer.expiresIn >= 0) { deadline = Date.now() + answer.expiresIn; tick(); }
            })
            .catch(function () { /* the next touch tries again */ });
    }
    ['pointerdown', 'touchstart', 'keydown'].forEach(function (name) {
        document.addEventListener(name, activity, { passive: true, capture: true });
    });
})();
