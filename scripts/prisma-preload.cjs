// The Prisma CLI's wasm engine leaves timers running after its work is done, which holds the
// process open for up to a minute; unreferenced timers let it exit as soon as the work is over.
const unref = (fn) =>
  function (...args) {
    const t = fn.apply(this, args);
    if (t && typeof t.unref === 'function') t.unref();
    return t;
  };
globalThis.setTimeout = unref(globalThis.setTimeout);
globalThis.setInterval = unref(globalThis.setInterval);
