// The Node side of tests/bench: the workloads of runtime_bench.cpp with async functions and
// promises, printed in the same one-line format for compare.py.
//   node --expose-gc tests/bench/node_bench.mjs [--workload NAME|all] [--scale F] [--repeat R]
import { parseArgs } from 'node:util';

const nsSince = (t0, ops) => Number(process.hrtime.bigint() - t0) / ops;
const scaled = (n, scale) => Math.max(1, Math.round(n * scale));
// One trip round the event loop: setImmediate callbacks queued during the check phase run in the
// next iteration, like call_soon callbacks added while asyncio runs its ready queue.
const nextIteration = () => new Promise((resolve) => setImmediate(resolve));

// 1. Create 100,000 tasks that return at once, then gather them all. Calling an async function
// runs it to its first await at once: the call is the nearest thing to create_task.
async function noop() {}

async function spawnGather(scale) {
  const n = scaled(100_000, scale);
  const t0 = process.hrtime.bigint();
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(noop());
  await Promise.all(tasks);
  return { ns: nsSince(t0, n) };
}

// 2. 1,000 tasks each yield 1,000 times: a million switches, each through a setImmediate.
async function yielder(yields) {
  for (let i = 0; i < yields; i++) await nextIteration();
}

async function sleep0Switch(scale) {
  const side = scaled(1_000, Math.sqrt(scale)); // tasks and yields per task both scale
  const t0 = process.hrtime.bigint();
  const tasks = [];
  for (let i = 0; i < side; i++) tasks.push(yielder(side));
  await Promise.all(tasks);
  return { ns: nsSince(t0, side * side) };
}

// 3. A million items through a maxsize=1 queue: every put waits for the get before it.
// Shaped as asyncio.Queue: FIFOs of waiting putters and getters, each woken by the other side.
class Queue {
  constructor(maxsize = 0) {
    this.maxsize = maxsize;
    this.items = [];
    this.getters = [];
    this.putters = [];
  }
  full() { return this.maxsize > 0 && this.items.length >= this.maxsize; }
  async put(item) {
    while (this.full()) await new Promise((resolve) => this.putters.push(resolve));
    this.items.push(item);
    this.getters.shift()?.();
  }
  async get() {
    while (this.items.length === 0) await new Promise((resolve) => this.getters.push(resolve));
    const item = this.items.shift();
    this.putters.shift()?.();
    return item;
  }
}

async function producer(q, n) {
  for (let i = 0; i < n; i++) await q.put(i);
}

async function consumer(q, n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await q.get();
  return sum;
}

async function queuePingpong(scale) {
  const n = scaled(1_000_000, scale);
  const q = new Queue(1);
  const t0 = process.hrtime.bigint();
  const [, sum] = await Promise.all([producer(q, n), consumer(q, n)]);
  const ns = nsSince(t0, n);
  if (sum !== (n * (n - 1)) / 2) throw new Error(`queue_pingpong: items lost, sum ${sum}`);
  return { ns };
}

// 4. A million tasks suspended in a 1000 s sleep: time to create them and reach the sleep, and
// the heap each costs while suspended. Node has no task cancellation: clean-up clears the timers
// and drops the promises, which stay pending until collected.
async function sleeper(timers) {
  await new Promise((resolve) => timers.push(setTimeout(resolve, 1_000_000)));
}

async function sleepingTasks(scale) {
  const n = scaled(1_000_000, scale);
  const gc = globalThis.gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const timers = [];
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(sleeper(timers));
  await nextIteration(); // they are suspended already; one iteration, as on the other sides
  const ns = nsSince(t0, n);
  let bytes;
  if (gc) {
    gc();
    bytes = (process.memoryUsage().heapUsed - before) / n;
  }
  if (timers.length !== n) throw new Error(`sleeping_tasks: only ${timers.length} of ${n} tasks reached their sleep`);
  for (const t of timers) clearTimeout(t);
  tasks.length = 0;
  return { ns, bytes };
}

const WORKLOADS = {
  spawn_gather: spawnGather,
  sleep0_switch: sleep0Switch,
  queue_pingpong: queuePingpong,
  sleeping_tasks: sleepingTasks,
};

function fail(message) {
  console.error(`node_bench: ${message}`);
  console.error(`usage: node --expose-gc node_bench.mjs [--workload NAME|all] [--scale F] [--repeat R]\n  NAME: ${Object.keys(WORKLOADS).join(' ')}`);
  process.exit(2);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        workload: { type: 'string', default: 'all' },
        scale: { type: 'string', default: '1' },
        repeat: { type: 'string', default: '3' },
        record: { type: 'string', default: 'off' },
      },
    }));
  } catch (e) {
    fail(e.message);
  }
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 100)) fail(`--scale must be a number in (0, 100], got ${values.scale}`);
  const repeat = Number(values.repeat);
  if (!(Number.isInteger(repeat) && repeat >= 1 && repeat <= 100)) fail(`--repeat must be 1..100, got ${values.repeat}`);
  if (values.workload !== 'all' && !(values.workload in WORKLOADS)) fail(`unknown workload ${values.workload}`);
  if (values.record === 'on') fail('--record on is only available in runtime_bench (aio::Trace)');
  if (values.record !== 'off') fail(`--record must be on or off, got ${values.record}`);

  console.log(`# node ${process.version}`);
  console.log('# node: a task is a called async function; sleep(0) is `await new Promise(r => setImmediate(r))` ' +
              '(one loop iteration); queue wake-ups and gather are promise resolutions (microtasks, no loop iteration)');
  console.log(globalThis.gc ? '# node: sleeping_tasks bytes are the heapUsed delta after gc() (--expose-gc)'
                            : '# node: run with --expose-gc to measure bytes per sleeping task');
  for (const [name, workload] of Object.entries(WORKLOADS)) {
    if (values.workload !== 'all' && values.workload !== name) continue;
    // The best run stands for the runtime, the first shows a cold heap; bytes are the last run's.
    const runs = [];
    let bytes;
    for (let i = 0; i < repeat; i++) {
      const r = await workload(scale);
      runs.push(r.ns);
      bytes = r.bytes;
      globalThis.gc?.();
    }
    const shown = bytes === undefined ? '-' : bytes.toFixed(1);
    console.log(`# workload=${name} side=node runs_ns_per_op=${runs.map((r) => r.toFixed(2)).join(',')}`);
    console.log(`workload=${name} side=node ns_per_op=${Math.min(...runs).toFixed(2)} bytes_per_task=${shown}`);
  }
}

await main();
