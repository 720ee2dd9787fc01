/**
 * Requests a page is known to make, started as soon as the app's code runs (see `startRoute` in App.tsx) rather
 * than after the page's own code has loaded and rendered: on a phone that is a second or more. The first GET of
 * the same URL through the API client takes the response; later ones fetch as usual.
 */
const early = new Map<string, Promise<Response>>();

export function fetchEarly(url: string): void {
  if (early.has(url)) return;
  const response = fetch(url, {
    headers: { Accept: 'application/json, application/problem+json' },
    credentials: 'same-origin',
  });
  // A failure is reported to the request that takes it; unhandled until then.
  response.catch(() => undefined);
  early.set(url, response);
}

/** The early response for `url`, once. */
export function takeEarly(url: string): Promise<Response> | undefined {
  const response = early.get(url);
  early.delete(url);
  return response;
}
