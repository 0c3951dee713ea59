// Injected into every captured page at document creation, in the page's own world, so it
// sees the page's timers and requests. It lets urlshot decide when a page is "ready" from
// what the page does instead of sleeping a fixed time:
//   - fetch()/XMLHttpRequest calls still in flight,
//   - setTimeout callbacks due soon (a page that draws 300 ms after load is waited for;
//     long timers and setInterval, typical of carousels and polling, are not),
//   - the time since the DOM last changed or a tracked callback last ran,
//   - images in the viewport still loading, web fonts still loading.
// urlshotFrame() then asks for two animation frames, so the last change has been painted.
(() => {
    if (window.__urlshot)
        return;
    const shortTimerMs = 1500;
    const state = { inflight: 0, timers: new Set(), lastActivity: performance.now(), painted: false };
    const touch = () => { state.lastActivity = performance.now(); };

    const nativeSetTimeout = window.setTimeout;
    const nativeClearTimeout = window.clearTimeout;
    window.setTimeout = function (callback, delay, ...args) {
        if (typeof callback !== 'function')
            return nativeSetTimeout.call(window, callback, delay, ...args);
        const tracked = (Number(delay) || 0) <= shortTimerMs;
        const id = nativeSetTimeout.call(window, function () {
            state.timers.delete(id);
            touch();
            return callback.apply(this, arguments);
        }, delay, ...args);
        if (tracked)
            state.timers.add(id);
        return id;
    };
    window.clearTimeout = function (id) {
        state.timers.delete(id);
        return nativeClearTimeout.call(window, id);
    };

    if (window.fetch) {
        const nativeFetch = window.fetch;
        window.fetch = function (...args) {
            state.inflight++;
            touch();
            const settle = () => { state.inflight--; touch(); };
            const request = nativeFetch.apply(this, args);
            request.then(settle, settle);
            return request;
        };
    }
    const nativeSend = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (...args) {
        state.inflight++;
        touch();
        this.addEventListener('loadend', () => { state.inflight--; touch(); }, { once: true });
        return nativeSend.apply(this, args);
    };

    new MutationObserver(touch).observe(document, {
        subtree: true, childList: true, attributes: true, characterData: true
    });

    const imagesLoadingInViewport = () => {
        let loading = 0;
        for (const image of document.images) {
            if (image.complete)
                continue;
            const box = image.getBoundingClientRect();
            if (box.bottom > 0 && box.top < window.innerHeight)
                loading++;
        }
        return loading;
    };

    Object.defineProperty(window, '__urlshot', { value: {
        probe() {
            return {
                quietMs: performance.now() - state.lastActivity,
                inflight: state.inflight,
                timers: state.timers.size,
                images: imagesLoadingInViewport(),
                fontsLoading: !!(document.fonts && document.fonts.status === 'loading'),
            };
        },
        requestFrame() {
            state.painted = false;
            requestAnimationFrame(() => requestAnimationFrame(() => { state.painted = true; }));
        },
        painted() { return state.painted; },
    } });
})();
