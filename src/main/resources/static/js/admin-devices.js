/*
 * The device monitor follows the devices live: each `device` event on the stream reloads the table's
 * rows (at most one reload per 300 ms). The URLs come from the table's data-list-url and data-stream-url.
 * A file rather than an inline script: the Content-Security-Policy admits no inline script without a nonce.
 */
(function () {
    'use strict';

    var table = document.getElementById('devices');
    if (!table || !window.EventSource) { return; }
    var listUrl = table.getAttribute('data-list-url');
    var streamUrl = table.getAttribute('data-stream-url');
    var pending = null;

    function refresh() {
        pending = null;
        fetch(listUrl, {headers: {'HX-Request': 'true'}, credentials: 'same-origin'})
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) { if (html) { document.getElementById('device-rows').outerHTML = html; } });
    }

    var source = new EventSource(streamUrl);
    source.addEventListener('device', function () {
        if (!pending) { pending = setTimeout(refresh, 300); }
    });
    window.addEventListener('pagehide', function () { source.close(); });
})();
