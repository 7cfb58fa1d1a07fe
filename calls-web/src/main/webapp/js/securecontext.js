// Calls need the microphone, which browsers give only to secure pages: HTTPS, or plain HTTP from this
// machine (localhost). Opened over plain HTTP from another machine, the page says so and links to the same
// page on the server's HTTPS listener instead of failing when it asks for the microphone.
// Pure functions of the page's address, so they are unit-tested without a browser.

/** The server's HTTP and HTTPS listeners as configure.cli sets them (docs/admin-guide.md, "HTTPS for remote users"). */
export const HTTP_PORT = '8080';
export const HTTPS_PORT = '8443';

/** Whether the browser can give this page a microphone: a secure context with media devices. */
export function canCall(win) {
  return !!win.isSecureContext && !!(win.navigator && win.navigator.mediaDevices && win.navigator.mediaDevices.getUserMedia);
}

/**
 * The same page on the HTTPS listener: plain HTTP on the server's HTTP port goes to its HTTPS port, any
 * other HTTP port (a proxy on 80) to HTTPS's default port. Null when the page is not plain HTTP.
 */
export function httpsAddress(href) {
  const url = new URL(href);
  if (url.protocol !== 'http:') {
    return null;
  }
  url.protocol = 'https:';
  url.port = url.port === HTTP_PORT ? HTTPS_PORT : '';
  return url.href;
}
