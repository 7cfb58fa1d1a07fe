// Search boxes ask the server on every keystroke, and answers may come back out of order: only the answer
// to the newest question is used, so a late answer to "e" never replaces the one to "eli".

/** Wraps an async function: a call's result is delivered to `use` only if no later call was made meanwhile. */
export function latestOnly(ask, use) {
  let asked = 0;
  return async (...args) => {
    const mine = ++asked;
    const answer = await ask(...args);
    if (mine === asked) {
      use(answer);
    }
  };
}
