// Plain JSX (not TypeScript): the node type-check has no DOM or JSX, and this page is not part of it.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ChannelFeed } from '../../../src/renderer/components/ChannelFeed';
import '../../../src/renderer/styles/theme.css';
import '../../../src/renderer/styles/layout.css';
import '../../../src/renderer/styles/components.css';
import { BareList } from './bare-list.jsx';
import { makeMessages } from './messages.jsx';

const root = createRoot(document.getElementById('root'));
const host = document.getElementById('root');
host.style.height = '860px';
host.style.display = 'flex';
host.style.flexDirection = 'column';
let kind = 'bare';
let messages = [];
let appended = 0;
const noop = () => {};
const frames = (n = 2) => new Promise((r) => { const step = (k) => (k === 0 ? r() : requestAnimationFrame(() => step(k - 1))); step(n); });
const scroller = () => host.querySelector('[role="log"]');

let longTasks = 0;
new PerformanceObserver((list) => { longTasks += list.getEntries().length; }).observe({ type: 'longtask', buffered: false });

function render() {
  const view =
    kind === 'bare' ? (
      <BareList messages={messages} />
    ) : (
      <ChannelFeed feed={{ messages, hasMore: true, status: 'ready', loadingOlder: false, error: null, appended }} agentName="Bench Agent" highlight={null}
        onLoadOlder={noop} onOpenLink={noop} onOpenInPlacet={noop} onSeenLatest={noop} onRetry={noop} />
    );
  flushSync(() => root.render(view));
}

async function mount(k, n) {
  flushSync(() => root.render(null));
  await frames();
  kind = k;
  messages = makeMessages(n, 42, Date.UTC(2026, 0, 1), 'm');
  const t = performance.now();
  render();
  await frames();
  return performance.now() - t;
}

/** Scrolls up through the list a step per frame; frame times and long tasks meanwhile. */
async function scroll(steps, px) {
  const el = scroller();
  el.scrollTop = el.scrollHeight;
  await frames();
  longTasks = 0;
  const times = [];
  let last = performance.now();
  for (let i = 0; i < steps; i++) {
    el.scrollTop = Math.max(0, el.scrollTop - px);
    await frames(1);
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  await new Promise((r) => setTimeout(r, 100));
  times.sort((a, b) => a - b);
  return { p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1], longTasks };
}

async function jumpToEnd() {
  const el = scroller();
  el.scrollTop = 0;
  await frames();
  const lastId = messages[messages.length - 1].text.split(' ')[0];
  const t = performance.now();
  el.scrollTop = el.scrollHeight;
  for (let i = 0; i < 120 && !(el.textContent ?? '').includes(`${lastId} `); i++) await frames(1);
  return performance.now() - t;
}

async function prepend(n) {
  const older = makeMessages(n, 7, Date.UTC(2025, 0, 1), 'o');
  const t = performance.now();
  messages = [...older, ...messages];
  render();
  await frames();
  return performance.now() - t;
}

window.__bench = { mount, scroll, jumpToEnd, prepend };
