// A host backend for `records-endpoint` tests: `POST /__records`, as the README asks a
// real one to behave (store, then answer 2xx; de-duplicate by Idempotency-Key), but
// unreliable on purpose, with seeded randomness so a run can be replayed:
//
//   const endpoint = recordsEndpoint({ seed: 42 });
//   const suite = await startSuite(undefined, { handle: endpoint.handle });
//   endpoint.set({ mode: 'down' });           // every POST answers 503
//   endpoint.received();                       // [{ key, body, at }], one per key
//   endpoint.counts();                         // { posts, stored, duplicates, failed, dropped, rejected }
//
// Modes: `flaky` (the default: random delays up to `maxDelay` ms, then 500 or 503 with
// probability `failRate`, the connection dropped with probability `dropRate` — half of
// those after storing the record, as a server that crashed before answering — else
// stored and 201), `down` (503 at once, nothing stored) and `up` (stored and 201 at
// once). A POST without a JSON body whose `id` is its `Idempotency-Key` is refused
// with 400 and counted in `rejected` (the widget must never send one).

/** A small seeded generator (mulberry32): numbers from 0 to 1. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const RECORDS_PATH = '/__records';

export function recordsEndpoint({ seed = 1, failRate = 0.3, dropRate = 0.1, maxDelay = 1500 } = {}) {
  let random = seeded(seed);
  let mode = 'flaky';
  /** key → { key, body, at } */
  let stored = new Map();
  let counts;
  /** Every POST, in arrival order: { key, at, outcome }. */
  let log;
  const reset = () => {
    stored = new Map();
    counts = { posts: 0, stored: 0, duplicates: 0, failed: 0, dropped: 0, rejected: 0 };
    log = [];
  };
  reset();

  function store(key, body) {
    if (stored.has(key)) {
      counts.duplicates++;
      return;
    }
    stored.set(key, { key, body, at: Date.now() });
    counts.stored++;
  }

  function handle(req, res) {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname !== RECORDS_PATH) return false;
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' });
      res.end();
      return true;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      counts.posts++;
      const key = req.headers['idempotency-key'];
      const entry = { key, at: Date.now(), outcome: '' };
      log.push(entry);
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      const type = req.headers['content-type'] ?? '';
      if (!key || !/^application\/json\b/.test(type) || body?.id !== key) {
        counts.rejected++;
        entry.outcome = 'rejected';
        res.writeHead(400, { 'content-type': 'text/plain' });
        return res.end('a JSON record whose id is the Idempotency-Key, please\n');
      }
      const answer = (status) => {
        entry.outcome = String(status);
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(status < 300 ? JSON.stringify({ id: key }) : '{"error":"try again"}');
      };
      if (mode === 'down') {
        counts.failed++;
        return answer(503);
      }
      if (mode === 'up') {
        store(key, body);
        return answer(201);
      }
      const roll = random();
      const delay = Math.floor(random() * maxDelay);
      setTimeout(() => {
        if (roll < dropRate) {
          counts.dropped++;
          entry.outcome = 'dropped';
          if (roll < dropRate / 2) store(key, body);
          req.socket.destroy();
        } else if (roll < dropRate + failRate) {
          counts.failed++;
          answer(roll < dropRate + failRate / 2 ? 500 : 503);
        } else {
          store(key, body);
          answer(201);
        }
      }, delay);
    });
    return true;
  }

  return {
    handle,
    /** Changes the mode (`flaky`, `down`, `up`); `seed` restarts the random sequence. */
    set(options) {
      if (options.mode) mode = options.mode;
      if (options.seed !== undefined) random = seeded(options.seed);
    },
    /** Forgets everything received (between tests). */
    reset,
    /** The records stored, one per Idempotency-Key. */
    received: () => [...stored.values()],
    counts: () => ({ ...counts }),
    log: () => [...log],
  };
}
