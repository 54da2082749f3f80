// Loads the batch scorer only when the rep gets near it (most visits use only the widget), so
// the /score/ page ships less JavaScript. Until then, a file chosen or dropped is kept and handed
// over once the scorer is ready, and a dropped file never makes the browser navigate away.
import type { BatchScorer } from './batch-scorer.ts';

for (const element of document.querySelectorAll<HTMLElement>('batch-scorer')) {
  let loading: Promise<unknown> | undefined;
  const controller = new AbortController();
  const { signal } = controller;
  const load = () =>
    (loading ??= import('./batch-scorer.ts').then(() => {
      controller.abort();
      observer.disconnect();
    }));
  /** Runs `action` on the scorer once it is defined (at once if it already is). */
  const handOver = (action: (scorer: BatchScorer) => void) => void load().then(() => action(element as BatchScorer));

  const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && void load(), {
    rootMargin: '600px 0px',
  });
  observer.observe(element);
  for (const type of ['pointerenter', 'focusin', 'dragenter'])
    element.addEventListener(type, () => void load(), { signal, once: true });
  element.addEventListener('dragover', (event) => event.preventDefault(), { signal });
  element.addEventListener(
    'drop',
    (event) => {
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) handOver((scorer) => scorer.run(file, file.name));
    },
    { signal },
  );
  element.addEventListener(
    'change',
    (event) => {
      const input = event.target as HTMLInputElement;
      const file = input.files?.[0];
      if (file) handOver((scorer) => scorer.run(file, file.name));
      input.value = '';
    },
    { signal },
  );
  element.addEventListener(
    'click',
    (event) => {
      if ((event.target as HTMLElement).closest('[data-batch="example"]'))
        handOver((scorer) => void scorer.runExample());
    },
    { signal },
  );
}
