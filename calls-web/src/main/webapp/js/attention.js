// What draws the person's eye when the page is not in front of them: the tab's title (an active call,
// missed calls) and browser notifications (an incoming call, a message in the call's chat while the tab
// is hidden). Pure decisions, unit-tested in node; notifier.js does what they say.

const APP_NAME = 'Calls';

/** "● In call — Calls" while in a call; "(2) Calls" with two missed calls; both together; else "Calls". */
export function titleOf({ inCall, missed }) {
  const count = missed > 0 ? `(${missed}) ` : '';
  return `${count}${inCall ? '● In call — ' : ''}${APP_NAME}`;
}

/**
 * The notification an event deserves, or null: only with permission, only while the tab is hidden, never
 * for the user's own doings. An incoming call ({@code calls_ringing} for someone else's call) and a reply in
 * the thread of the call this page is in ({@code posted}). {@code tag} makes a later one replace an earlier.
 *
 * @param {{me: string, hidden: boolean, permission: string, callThreadId: string|null,
 *   userName: (id) => string, channelTitle: (id) => string}} context
 */
export function notificationFor(name, data, context) {
  if (context.permission !== 'granted' || !context.hidden) {
    return null;
  }
  if (name === 'calls_ringing' && data.caller_id !== context.me) {
    return { title: `${context.userName(data.caller_id)} is calling`, body: context.channelTitle(data.channel_id),
      tag: `ring-${data.call_id}`, channelId: data.channel_id };
  }
  const post = name === 'posted' ? data.post : null;
  if (post && context.callThreadId && post.root_id === context.callThreadId && post.user_id !== context.me) {
    return { title: `${context.userName(post.user_id)} in the call`, body: post.message,
      tag: `chat-${post.root_id}`, channelId: post.channel_id };
  }
  return null;
}

/** Whether the page may offer "Enable notifications": the browser has them and the person has not decided. */
export function mayAskPermission(NotificationApi) {
  return !!NotificationApi && NotificationApi.permission === 'default';
}
