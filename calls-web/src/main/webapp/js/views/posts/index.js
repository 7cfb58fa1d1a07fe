// A post's body by its type: each type is drawn by its own module, so a new kind of post (a call's card)
// is one more entry here. Posts without a type are plain text, as every post of API version 1 is.

import { CALL_POST_TYPE } from '../../callsummary.js';
import { callPost } from './callpost.js';
import { textPost } from './textpost.js';

const RENDERERS = new Map([['', textPost], [CALL_POST_TYPE, callPost]]);

/** The post's body; a type this client does not know is shown as its text. */
export function postBody(app, post) {
  const render = RENDERERS.get(post.type || '') || textPost;
  return render(app, post);
}
