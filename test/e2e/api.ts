/**
 * Calls the JSON API of the browser tests' server outside the browser (setting up data, checking
 * results): throws with the status and body on anything but 2xx.
 */
export function apiClient(baseUrl: string) {
  return async function api(token: string | null, method: string, path: string, body?: unknown) {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
}
